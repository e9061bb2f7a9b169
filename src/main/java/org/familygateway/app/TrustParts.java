package org.familygateway.app;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.trust.CertificateExpiry;
import org.familygateway.trust.CertificatePaths;
import org.familygateway.trust.PartnerDirectory;
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

    /** Every certificate the gateway relies on: partners' (old and new during a rotation), the anchors, its own. */
    public static List<CertificateExpiry.Held> heldCertificates(GatewaySettings settings, PartnerDirectory partners) {
        List<CertificateExpiry.Held> held = new ArrayList<>(CertificateExpiry.ofPartners(partners));
        anchors(settings).forEach(c -> held.add(new CertificateExpiry.Held("partnership", "trust anchor", c)));
        Pem.certificates(settings.soap().tlsCertificate()).forEach(c -> held.add(new CertificateExpiry.Held("gateway", "TLS server", c)));
        held.add(new CertificateExpiry.Held("gateway", "receipt signing", Pem.certificate(settings.receipts().signingCertificate())));
        return held;
    }
}
