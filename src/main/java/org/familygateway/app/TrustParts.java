package org.familygateway.app;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.familygateway.trust.CertificatePaths;
import org.familygateway.trust.Pem;
import org.familygateway.trust.Revocation;

/** The trust decisions as the settings configure them: anchors, revocation sources, algorithm policy. */
public final class TrustParts {

    private TrustParts() {
    }

    public static List<X509Certificate> anchors(GatewaySettings settings) {
        return settings.trustAnchors().stream().flatMap(p -> Pem.certificates(p).stream()).toList();
    }

    public static CertificatePaths certificatePaths(GatewaySettings settings, Clock clock) {
        TrustSettings trust = settings.trustOrDefault();
        try {
            Revocation revocation = Revocation.configured(trust.crlFiles(),
                    trust.ocspResponder() == null ? null : URI.create(trust.ocspResponder()), clock);
            return new CertificatePaths(anchors(settings), clock, revocation, trust.algorithmPolicy());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("gateway.yaml: trust: " + e.getMessage(), e);
        }
    }
}
