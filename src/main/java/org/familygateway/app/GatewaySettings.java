package org.familygateway.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.familygateway.matching.MatchSettings;

/**
 * The gateway's settings, read from {@code config/gateway.yaml}. Each part is documented where it
 * is declared, in that file. Paths are relative to the configuration folder.
 */
public record GatewaySettings(
        Path dataDir,
        List<Path> trustAnchors,
        Path partners,
        Path agreements,
        Soap soap,
        Sftp sftp,
        Receipts receipts,
        Broker broker,
        Database database,
        Path pseudonymKey,
        Audit audit,
        Console console,
        TrustSettings trust,
        Eligibility eligibility,
        Matching matching,
        Operations operations,
        Backpressure backpressure) {

    /** The trust section, with its defaults when it is left out. */
    public TrustSettings trustOrDefault() {
        return trust == null ? TrustSettings.defaults() : trust;
    }

    /**
     * The SOAP listener. {@code clientCertificates}: NONE, WANT (a partner may present its TLS
     * certificate, and must if partners.yaml lists one for it) or REQUIRE.
     */
    public record Soap(String host, int port, String path, Path tlsCertificate, Path tlsKey, long maxMessageBytes,
                       String clientCertificates) {
        public String clientCertificateMode() {
            return clientCertificates == null ? "WANT" : clientCertificates;
        }

        public String address() {
            return "https://" + host + ":" + port + path;
        }
    }

    /** The SFTP server; {@code maxOpenHandles} bounds the files and folders one session may hold open. */
    public record Sftp(String host, int port, Path hostKey, long maxFileBytes, Integer maxOpenHandles) {
        public int openHandleLimit() {
            return maxOpenHandles == null ? 16 : maxOpenHandles;
        }
    }

    public record Receipts(Path signingCertificate, Path signingKey) {
    }

    /** The embedded broker, or an external one when {@code url} is set. */
    public record Broker(String host, int port, String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** The embedded database file under the data folder, or the database at {@code url}. */
    public record Database(String url, String user, String password) {
    }

    /** The audit log's checkpoints and retention; each value has a default when left out. */
    public record Audit(Long checkpointEveryEntries, Long checkpointEveryMinutes, Retention retention) {
        public long entriesPerCheckpoint() {
            return checkpointEveryEntries == null ? 1000 : checkpointEveryEntries;
        }

        public Duration checkpointInterval() {
            return Duration.ofMinutes(checkpointEveryMinutes == null ? 10 : checkpointEveryMinutes);
        }

        public Retention retentionOrDefault() {
            return retention == null ? new Retention(null, null, null) : retention;
        }
    }

    /** How long audit details are kept: ISO-8601 periods (P6Y), by default and per agreement id. */
    public record Retention(String keepFor, Map<String, String> agreements, Long purgeEveryHours) {
        public Period defaultPeriod() {
            return Period.parse(keepFor == null ? "P6Y" : keepFor);
        }

        public Map<String, Period> perAgreement() {
            Map<String, Period> periods = new LinkedHashMap<>();
            (agreements == null ? Map.<String, String>of() : agreements).forEach((id, p) -> periods.put(id, Period.parse(p)));
            return periods;
        }

        public Duration purgeInterval() {
            return Duration.ofHours(purgeEveryHours == null ? 24 : purgeEveryHours);
        }
    }

    /** The IG console: a web page on loopback unless configured otherwise. */
    public record Console(Boolean enabled, String host, Integer port, Long idleMinutes, Long maxHours, Boolean secureCookies) {
        public boolean on() {
            return enabled == null || enabled;
        }

        public String hostOrDefault() {
            return host == null ? "127.0.0.1" : host;
        }

        public int portOrDefault() {
            return port == null ? 8080 : port;
        }

        public Duration idleTimeout() {
            return Duration.ofMinutes(idleMinutes == null ? 15 : idleMinutes);
        }

        public Duration maxAge() {
            return Duration.ofHours(maxHours == null ? 8 : maxHours);
        }

        public boolean cookiesSecure() {
            return secureCookies != null && secureCookies;
        }
    }

    /**
     * The household step: the rule set a household's evidence is decided by (a file under
     * eligibility/, with values for its parameters), and how often households whose evidence ages
     * are decided again.
     */
    public record Eligibility(Path ruleSet, Map<String, String> parameters, Long reviewEveryMinutes) {
        public Map<String, String> parametersOrNone() {
            return parameters == null ? Map.of() : parameters;
        }

        public Duration reviewInterval() {
            return Duration.ofMinutes(reviewEveryMinutes == null ? 60 : reviewEveryMinutes);
        }
    }

    /** The metrics (Prometheus) and health endpoints: plain HTTP on loopback unless configured otherwise. */
    public record Operations(Boolean enabled, String host, Integer port) {
        public boolean on() {
            return enabled == null || enabled;
        }

        public String hostOrDefault() {
            return host == null ? "127.0.0.1" : host;
        }

        public int portOrDefault() {
            return port == null ? 9464 : port;
        }
    }

    /**
     * Where the matcher links and where it makes a new person, as scores in bits (docs/matching.md
     * says how the defaults were chosen); between the two, a person decides on the review list.
     */
    public record Matching(Double linkAbove, Double newPersonBelow) {
        public MatchSettings settings() {
            return new MatchSettings(linkAbove == null ? MatchSettings.DEFAULTS.linkAbove() : linkAbove,
                    newPersonBelow == null ? MatchSettings.DEFAULTS.newPersonBelow() : newPersonBelow);
        }
    }

    /**
     * When the family team stops consuming: past {@code maxQueuedCases} cases waiting on
     * family-team.cases (or {@code maxQueuedIntake} accepted messages waiting on gateway.intake), the
     * intakes answer RETRY_LATER (GATEWAY_BUSY) with a hint of {@code retryAfterSeconds}.
     */
    public record Backpressure(Long maxQueuedCases, Long maxQueuedIntake, Long retryAfterSeconds) {
        public long casesBound() {
            return maxQueuedCases == null ? 100_000 : maxQueuedCases;
        }

        public long intakeBound() {
            return maxQueuedIntake == null ? 100_000 : maxQueuedIntake;
        }

        public Duration retryAfter() {
            return Duration.ofSeconds(retryAfterSeconds == null ? 60 : retryAfterSeconds);
        }
    }

    @Override
    public Matching matching() {
        return matching == null ? new Matching(null, null) : matching;
    }

    @Override
    public Operations operations() {
        return operations == null ? new Operations(null, null, null) : operations;
    }

    @Override
    public Backpressure backpressure() {
        return backpressure == null ? new Backpressure(null, null, null) : backpressure;
    }

    @Override
    public Audit audit() {
        return audit == null ? new Audit(null, null, null) : audit;
    }

    @Override
    public Console console() {
        return console == null ? new Console(null, null, null, null, null, null) : console;
    }

    public static GatewaySettings load(Path configDir, Map<String, String> overrides) {
        Path file = configDir.resolve("gateway.yaml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("no gateway settings at " + file.toAbsolutePath());
        }
        GatewaySettings settings = new ConfigYaml(System.getenv()).read(file, GatewaySettings.class, overrides);
        List<String> problems = SettingsCheck.problems(settings);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("gateway.yaml: " + String.join("; ", problems));
        }
        return settings;
    }

    /**
     * The JDBC URL: the configured one, or an H2 file in the data folder that other processes may
     * open too. WRITE_DELAY=0 writes each commit at once: H2's default (500 ms) loses the last
     * commits, audit entries among them, when the process is killed. QUERY_CACHE_SIZE: each
     * connection keeps this many statements parsed; H2's default of 8 is fewer than one message's
     * distinct statements, so every statement was parsed again each time it was prepared.
     */
    public String jdbcUrl() {
        if (database != null && database.url() != null && !database.url().isBlank()) {
            return database.url();
        }
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("gateway").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256";
    }
}
