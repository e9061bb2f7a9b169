package org.familygateway.audit;

import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Trusts a checkpoint only if the gateway's own certificate (pinned, not merely any certificate of
 * the partnership CA, which partners hold too) signed exactly the note it carries.
 */
public final class CheckpointVerifier {

    private final X509Certificate gateway;
    private final X509CertificateHolder gatewayHolder;

    public CheckpointVerifier(X509Certificate gateway) {
        this.gateway = gateway;
        try {
            this.gatewayHolder = new JcaX509CertificateHolder(gateway);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("the gateway certificate cannot be encoded", e);
        }
    }

    /** The checkpoint the signature vouches for; throws CheckpointRefused otherwise. */
    public Checkpoint verify(byte[] signed) {
        try {
            CMSSignedData cms = new CMSSignedData(signed);
            if (cms.getSignedContent() == null || cms.getSignerInfos().size() != 1) {
                throw new CheckpointRefused("a checkpoint carries its note and exactly one signature");
            }
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            if (!signer.getSID().match(gatewayHolder)
                    || !signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(gateway))) {
                throw new CheckpointRefused("the checkpoint is not signed by the gateway's key");
            }
            return CheckpointNote.parse((byte[]) cms.getSignedContent().getContent(), signed);
        } catch (CMSException | OperatorCreationException | ClassCastException e) {
            throw new CheckpointRefused("the checkpoint's signature does not verify: " + e.getMessage());
        }
    }

    /** As {@link #verify(byte[])}, and the size and root recorded beside it must be the signed ones. */
    Checkpoint verify(Checkpoint stored) {
        Checkpoint signed = verify(stored.signed());
        if (signed.size() != stored.size() || !Arrays.equals(signed.root(), stored.root())) {
            throw new CheckpointRefused("the checkpoint recorded at size " + stored.size()
                    + " differs from what the gateway signed (size " + signed.size() + ")");
        }
        return signed;
    }
}
