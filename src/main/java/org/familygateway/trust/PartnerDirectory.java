package org.familygateway.trust;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured partners, found by id or by the certificate that signed a message. */
public final class PartnerDirectory {

    private final Map<String, Partner> byId = new LinkedHashMap<>();
    private final Map<X509Certificate, Partner> byCertificate = new HashMap<>();

    public PartnerDirectory(List<Partner> partners) {
        for (Partner partner : partners) {
            if (byId.putIfAbsent(partner.id(), partner) != null) {
                throw new IllegalArgumentException("partner id " + partner.id() + " is configured twice");
            }
            for (X509Certificate certificate : partner.signingCertificates()) {
                Partner other = byCertificate.putIfAbsent(certificate, partner);
                if (other != null) {
                    throw new IllegalArgumentException("partners " + other.id() + " and " + partner.id()
                            + " share a signing certificate; each partner must sign with its own");
                }
            }
        }
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Partner> bySigningCertificate(X509Certificate certificate) {
        return Optional.ofNullable(byCertificate.get(certificate));
    }

    /** The partner whose TLS client certificate this is. */
    public Optional<Partner> byTlsCertificate(X509Certificate certificate) {
        return byId.values().stream().filter(p -> p.connectsWithTls(certificate)).findFirst();
    }

    public List<Partner> all() {
        return List.copyOf(byId.values());
    }
}
