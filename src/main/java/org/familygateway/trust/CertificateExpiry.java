package org.familygateway.trust;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates the gateway relies on and when each runs out: partners' signing and TLS
 * certificates (two at a time during a rotation), the trust anchors, the gateway's own. Used by the
 * {@code certificates} command and by the daily warning in the log.
 */
public final class CertificateExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateExpiry.class);

    /** One certificate, whose it is and what for. */
    public record Held(String owner, String use, X509Certificate certificate) {
        public Instant notAfter() {
            return certificate.getNotAfter().toInstant();
        }
    }

    private final List<Held> held;
    private final Clock clock;

    public CertificateExpiry(List<Held> held, Clock clock) {
        this.held = held.stream().sorted(Comparator.comparing(Held::notAfter)).toList();
        this.clock = clock;
    }

    public static List<Held> ofPartners(PartnerDirectory partners) {
        List<Held> held = new ArrayList<>();
        for (Partner partner : partners.all()) {
            partner.signingCertificates().forEach(c -> held.add(new Held(partner.id(), "message signing", c)));
            partner.tlsCertificates().forEach(c -> held.add(new Held(partner.id(), "TLS client", c)));
        }
        return held;
    }

    public List<Held> all() {
        return held;
    }

    /** Those that run out within the period (or have already). */
    public List<Held> expiringWithin(Duration period) {
        Instant limit = clock.instant().plus(period);
        return held.stream().filter(h -> h.notAfter().isBefore(limit)).toList();
    }

    /** Logs a warning for each certificate running out within the period; returns how many. */
    public int warnAbout(Duration period) {
        List<Held> soon = expiringWithin(period);
        for (Held h : soon) {
            long days = Duration.between(clock.instant(), h.notAfter()).toDays();
            LOG.warn("certificate {} of {} ({}) {} on {}", h.certificate().getSerialNumber().toString(16), h.owner(), h.use(),
                    days < 0 ? "expired" : "expires in " + days + " days", h.notAfter());
        }
        return soon.size();
    }
}
