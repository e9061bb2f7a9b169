package org.familygateway.trust;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * Verifies a CMS SignedData file with encapsulated content (as {@code openssl cms -sign -binary
 * -nodetach -outform DER} makes it, optionally with compressed content), streaming the content out
 * as it goes so that a large file is never held in memory. The one signer must use allowed
 * algorithms, hold a believable certificate, and be the partner that delivered the file.
 */
public final class CmsVerifier {

    private final PartnerDirectory partners;
    private final CertificatePaths paths;
    private final SigningTimeWindow signingTimes;

    public CmsVerifier(PartnerDirectory partners, CertificatePaths paths, SigningTimeWindow signingTimes) {
        this.partners = partners;
        this.paths = paths;
        this.signingTimes = signingTimes;
    }

    /**
     * Writes the signed content to {@code content} and returns who signed it; throws a Rejection
     * naming the reason otherwise. What was written must be discarded if this throws.
     */
    public SignedBy verify(InputStream cms, Partner deliveredBy, OutputStream content, long maxContentBytes) {
        try {
            CMSSignedDataParser parser = new CMSSignedDataParser(
                    new JcaDigestCalculatorProviderBuilder().build(), new BufferedInputStream(cms));
            CmsContent.copy(parser.getSignedContent(), content, maxContentBytes);
            SignerInformation signer = onlySigner(parser);
            paths.algorithms().requireDigest(CmsAlgorithms.digestName(signer));
            signingTimes.require(signer);
            X509Certificate certificate = signerCertificate(signer.getSID(), parser);
            paths.requireTrustedSigner(certificate);
            requireValidSignature(signer, certificate);
            Partner signedBy = partners.bySigningCertificate(certificate).orElseThrow();
            if (!signedBy.id().equals(deliveredBy.id())) {
                throw new Rejection(ReasonCodeType.SIGNER_NOT_SENDER, "the file is signed with a certificate of partner '"
                        + signedBy.id() + "' but was delivered by '" + deliveredBy.id() + "'");
            }
            return new SignedBy(signedBy, certificate);
        } catch (CMSException | OperatorCreationException | CertificateException | IOException | RuntimeException e) {
            if (e instanceof Rejection rejection) {
                throw rejection;
            }
            throw new Rejection(ReasonCodeType.CMS_MALFORMED,
                    "the file is not a readable CMS SignedData structure (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedDataParser parser) throws CMSException {
        Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            throw new Rejection(ReasonCodeType.CMS_NO_SIGNER, "the SignedData holds no signer");
        }
        if (signers.size() > 1) {
            throw new Rejection(ReasonCodeType.CMS_MULTIPLE_SIGNERS, "expected exactly one signer, found " + signers.size());
        }
        return signers.iterator().next();
    }

    /** The configured partner certificate the signer id names; failing that, why not. */
    private X509Certificate signerCertificate(SignerId sid, CMSSignedDataParser parser) throws CMSException, CertificateException {
        Optional<X509Certificate> configured = partners.all().stream()
                .flatMap(p -> p.signingCertificates().stream())
                .filter(c -> matches(sid, c))
                .findFirst();
        if (configured.isPresent()) {
            return configured.get();
        }
        Collection<X509CertificateHolder> embedded = parser.getCertificates().getMatches(sid);
        if (embedded.isEmpty()) {
            throw new Rejection(ReasonCodeType.CERTIFICATE_UNTRUSTED,
                    "the signer's certificate is neither in the file nor configured for any partner");
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(embedded.iterator().next());
        paths.requireTrustedSigner(certificate);
        throw new Rejection(ReasonCodeType.SIGNER_NOT_A_PARTNER,
                "the signing certificate chains to the partnership CA but belongs to no configured partner");
    }

    private static boolean matches(SignerId sid, X509Certificate certificate) {
        try {
            return sid.match(new JcaX509CertificateHolder(certificate));
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    private static void requireValidSignature(SignerInformation signer, X509Certificate certificate) {
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new Rejection(ReasonCodeType.CERTIFICATE_EXPIRED,
                    "the signing certificate was not valid at the signing time the file claims", null, e);
        } catch (CMSException e) {
            if (String.valueOf(e.getMessage()).contains("content-type")) {
                throw new Rejection(ReasonCodeType.CMS_CONTENT_TYPE_MISMATCH,
                        "the signed content-type attribute does not match the encapsulated content", null, e);
            }
            valid = false;
        } catch (OperatorCreationException e) {
            throw new Rejection(ReasonCodeType.ALGORITHM_NOT_ALLOWED, "the signature algorithm is not supported", null, e);
        }
        if (!valid) {
            throw new Rejection(ReasonCodeType.SIGNATURE_INVALID,
                    "the signature does not match the content: the file was altered after signing or signed wrongly");
        }
    }
}
