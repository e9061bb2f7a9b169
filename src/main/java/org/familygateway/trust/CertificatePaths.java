package org.familygateway.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * Whether to believe a signing certificate: an allowed key and signature algorithm, a key usage
 * that allows signing, and a PKIX path to the configured trust anchors, valid at the time of
 * verification (not at the signing time a message claims) and not revoked. Fails closed.
 */
public final class CertificatePaths {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> anchorCertificates;
    private final Clock clock;
    private final Revocation revocation;
    private final AlgorithmPolicy algorithms;

    public CertificatePaths(List<X509Certificate> anchorCertificates, Clock clock, Revocation revocation, AlgorithmPolicy algorithms) {
        if (anchorCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchorCertificates = List.copyOf(anchorCertificates);
        this.anchors = anchorCertificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
        this.revocation = revocation;
        this.algorithms = algorithms;
    }

    public AlgorithmPolicy algorithms() {
        return algorithms;
    }

    public List<X509Certificate> anchorCertificates() {
        return anchorCertificates;
    }

    /** Throws a Rejection naming the reason unless the certificate may sign for a partner, now. */
    public void requireTrustedSigner(X509Certificate certificate) {
        algorithms.requireKey(certificate.getPublicKey());
        algorithms.requireCertificateSignature(certificate);
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !usage[NON_REPUDIATION]) {
            throw untrusted("the certificate's key usage does not allow signing");
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            revocation.apply(parameters, validator);
            validator.validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw rejection(e);
        } catch (GeneralSecurityException e) {
            throw untrusted("the certificate path could not be checked: " + e.getClass().getSimpleName());
        }
    }

    private static Rejection rejection(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return new Rejection(ReasonCodeType.CERTIFICATE_EXPIRED, "the signing certificate has expired");
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new Rejection(ReasonCodeType.CERTIFICATE_EXPIRED, "the signing certificate is not yet valid");
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return new Rejection(ReasonCodeType.CERTIFICATE_REVOKED, "the signing certificate has been revoked");
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new Rejection(ReasonCodeType.CERTIFICATE_REVOKED, "the signing certificate's revocation status cannot be "
                    + "established (no current CRL or OCSP answer for its CA), so the gateway refuses it");
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return new Rejection(ReasonCodeType.ALGORITHM_NOT_ALLOWED, "the certificate uses an algorithm the gateway does not allow");
        }
        return untrusted("the signing certificate does not chain to a trusted partnership CA");
    }

    private static Rejection untrusted(String message) {
        return new Rejection(ReasonCodeType.CERTIFICATE_UNTRUSTED, message);
    }
}
