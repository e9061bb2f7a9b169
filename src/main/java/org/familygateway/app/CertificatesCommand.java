package org.familygateway.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.familygateway.trust.CertificateExpiry;
import org.familygateway.trust.Digests;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Lists the certificates the gateway relies on and when each runs out, soonest first: partners'
 * signing and TLS client certificates (both during a rotation), the trust anchors, the gateway's
 * own. With {@code --expiring-within DAYS}, only those that run out within that many days (or have
 * already), and the exit status is 1 if there are any, for a monitoring job.
 */
@Command(name = "certificates", description = "List the certificates the gateway relies on, soonest to expire first; "
        + "--expiring-within DAYS lists only those running out within DAYS (exit status 1 if any).")
final class CertificatesCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Mixin
    ConfigOptions config;

    @Option(names = "--expiring-within", paramLabel = "DAYS", description = "Only certificates that expire within DAYS days")
    Integer days;

    private final Clock clock;

    CertificatesCommand() {
        this(Clock.systemUTC());
    }

    CertificatesCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        CertificateExpiry expiry = new CertificateExpiry(TrustParts.heldCertificates(settings, PartnersFile.load(settings.partners())), clock);
        List<CertificateExpiry.Held> listed = days == null ? expiry.all() : expiry.expiringWithin(Duration.ofDays(days));
        System.out.printf("%-11s %9s  %-26s %-16s %-34s %s%n", "EXPIRES", "DAYS LEFT", "OWNER", "USE", "SUBJECT", "SHA-256 (START)");
        for (CertificateExpiry.Held held : listed) {
            System.out.printf("%-11s %9s  %-26s %-16s %-34s %s%n", DATE.format(held.notAfter()), daysLeft(held.notAfter()), held.owner(), held.use(),
                    commonName(held.certificate().getSubjectX500Principal().getName()), fingerprint(held));
        }
        if (days != null) {
            System.out.println(listed.isEmpty() ? "No certificate expires within " + days + " days."
                    : listed.size() + " certificate(s) expire within " + days + " days (or have expired).");
            return listed.isEmpty() ? 0 : 1;
        }
        return 0;
    }

    private String daysLeft(Instant notAfter) {
        return notAfter.isBefore(clock.instant()) ? "EXPIRED" : String.valueOf(Duration.between(clock.instant(), notAfter).toDays());
    }

    private static String commonName(String dn) {
        for (String part : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (part.trim().startsWith("CN=")) {
                String cn = part.trim().substring(3);
                return cn.length() > 34 ? cn.substring(0, 31) + "..." : cn;
            }
        }
        return dn;
    }

    private static String fingerprint(CertificateExpiry.Held held) {
        try {
            return Digests.hex(held.certificate().getEncoded()).substring(0, 16);
        } catch (java.security.cert.CertificateEncodingException e) {
            return "(unreadable)";
        }
    }
}
