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
 * PKIX validation of a signing certificate to the configured trust anchors, at the time of
 * verification (not at the signing time a message claims), and a key usage that allows signing.
 */
public final class CertificatePaths {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> anchorCertificates;
    private final Clock clock;

    public CertificatePaths(List<X509Certificate> anchorCertificates, Clock clock) {
        if (anchorCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchorCertificates = List.copyOf(anchorCertificates);
        this.anchors = anchorCertificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    public List<X509Certificate> anchorCertificates() {
        return anchorCertificates;
    }

    /** Throws CERTIFICATE_UNTRUSTED unless the certificate chains to an anchor and may sign, now. */
    public void requireTrustedSigner(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !usage[NON_REPUDIATION]) {
            throw untrusted("the certificate's key usage does not allow signing");
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw untrusted(describe(e));
        } catch (GeneralSecurityException e) {
            throw untrusted("the certificate path could not be checked: " + e.getClass().getSimpleName());
        }
    }

    private static String describe(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return "the signing certificate has expired";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "the signing certificate is not yet valid";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return "the signing certificate has been revoked";
        }
        return "the signing certificate does not chain to a trusted partnership CA";
    }

    private static Rejection untrusted(String message) {
        return new Rejection(ReasonCodeType.CERTIFICATE_UNTRUSTED, message);
    }
}
