package org.familygateway.simulator;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Signs a file the way a partner does with {@code openssl cms -sign -binary -nodetach -outform DER}:
 * SignedData, content encapsulated, signed attributes, the signer's certificate included.
 */
public final class CmsFiles {

    private CmsFiles() {
    }

    public static byte[] sign(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithmFor(key), key, certificate));
            generator.addCertificate(new JcaX509CertificateHolder(certificate));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    static String algorithmFor(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key");
        };
    }
}
