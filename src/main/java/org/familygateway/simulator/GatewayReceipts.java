package org.familygateway.simulator;

import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.trust.CertificatePaths;
import org.familygateway.validation.MessageXml;

/** Checks a receipt the gateway signed, as a partner would: the signature, and the signer's chain to the CA. */
public final class GatewayReceipts {

    private final CertificatePaths paths;
    private final MessageXml xml = new MessageXml(10 * 1024 * 1024);

    public GatewayReceipts(CertificatePaths paths) {
        this.paths = paths;
    }

    public ReceiptType verify(byte[] signedReceipt) {
        try {
            CMSSignedData signed = new CMSSignedData(signedReceipt);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new IllegalArgumentException("a receipt has one signer, this one " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                throw new IllegalArgumentException("the receipt's signature does not verify");
            }
            paths.requireTrustedSigner(certificate);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            signed.getSignedContent().write(content);
            return xml.read(content.toByteArray(), ReceiptType.class);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a valid signed receipt: " + e.getMessage(), e);
        }
    }
}
