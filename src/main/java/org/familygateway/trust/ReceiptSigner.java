package org.familygateway.trust;

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
 * Signs what the gateway says back (receipts) as CMS SignedData with the content encapsulated and
 * the gateway's certificate included, so that a partner can check it with
 * {@code openssl cms -verify -inform DER -CAfile ca.crt}.
 */
public final class ReceiptSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final JcaX509CertificateHolder certificateHolder;
    private final String algorithm;

    public ReceiptSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        this.algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("cannot sign receipts with a " + key.getAlgorithm() + " key");
        };
        try {
            this.certificateHolder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the receipt-signing certificate cannot be encoded", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, certificateHolder));
            generator.addCertificate(certificateHolder);
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not sign a receipt: " + e.getMessage(), e);
        }
    }
}
