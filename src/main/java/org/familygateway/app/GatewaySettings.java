package org.familygateway.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
        settings.check();
        return settings;
    }

    /**
     * The JDBC URL: the configured one, or an H2 file in the data folder that other processes may
     * open too. WRITE_DELAY=0 writes each commit at once: H2's default (500 ms) loses the last
     * commits, audit entries among them, when the process is killed.
     */
    public String jdbcUrl() {
        if (database != null && database.url() != null && !database.url().isBlank()) {
            return database.url();
        }
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("gateway").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        require(problems, "dataDir", dataDir);
        require(problems, "partners", partners);
        require(problems, "agreements", agreements);
        if (agreements != null && !Files.isDirectory(agreements)) {
            problems.add("agreements: " + agreements + " is not a folder");
        }
        require(problems, "soap", soap);
        require(problems, "sftp", sftp);
        require(problems, "receipts", receipts);
        require(problems, "broker", broker);
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            problems.add("trustAnchors: at least one CA certificate is needed");
        } else {
            trustAnchors.forEach(p -> mustExist(problems, "trustAnchors", p));
        }
        mustExist(problems, "partners", partners);
        if (soap != null) {
            port(problems, "soap.port", soap.port());
            mustExist(problems, "soap.tlsCertificate", soap.tlsCertificate());
            mustExist(problems, "soap.tlsKey", soap.tlsKey());
            if (soap.path() == null || !soap.path().startsWith("/")) {
                problems.add("soap.path must start with /");
            }
            if (soap.maxMessageBytes() <= 0) {
                problems.add("soap.maxMessageBytes must be positive");
            }
        }
        if (sftp != null) {
            port(problems, "sftp.port", sftp.port());
            mustExist(problems, "sftp.hostKey", sftp.hostKey());
            if (sftp.maxFileBytes() <= 0) {
                problems.add("sftp.maxFileBytes must be positive");
            }
        }
        if (receipts != null) {
            mustExist(problems, "receipts.signingCertificate", receipts.signingCertificate());
            mustExist(problems, "receipts.signingKey", receipts.signingKey());
        }
        if (broker != null && broker.embedded()) {
            port(problems, "broker.port", broker.port());
        }
        checkAuditAndConsole(problems);
        try {
            matching().settings();
        } catch (IllegalArgumentException e) {
            problems.add("matching: " + e.getMessage());
        }
        require(problems, "eligibility", eligibility);
        if (eligibility != null) {
            require(problems, "eligibility.ruleSet", eligibility.ruleSet());
            mustExist(problems, "eligibility.ruleSet", eligibility.ruleSet());
            if (eligibility.reviewInterval().isNegative() || eligibility.reviewInterval().isZero()) {
                problems.add("eligibility.reviewEveryMinutes must be positive");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("gateway.yaml: " + String.join("; ", problems));
        }
    }

    private void checkAuditAndConsole(List<String> problems) {
        if (audit().entriesPerCheckpoint() < 0 || audit().checkpointInterval().isNegative()) {
            problems.add("audit.checkpointEveryEntries and audit.checkpointEveryMinutes cannot be negative");
        }
        try {
            Retention retention = audit().retentionOrDefault();
            if (retention.defaultPeriod().isNegative() || retention.perAgreement().values().stream().anyMatch(Period::isNegative)) {
                problems.add("audit.retention periods cannot be negative");
            }
        } catch (DateTimeParseException e) {
            problems.add("audit.retention: a period is written like P6Y or P18M (" + e.getParsedString() + ")");
        }
        if (operations().on()) {
            port(problems, "operations.port", operations().portOrDefault());
        }
        Backpressure b = backpressure();
        if (b.casesBound() < 1 || b.intakeBound() < 1 || b.retryAfter().isNegative()) {
            problems.add("backpressure: the bounds must be positive and retryAfterSeconds not negative");
        }
        Console c = console();
        if (c.on()) {
            port(problems, "console.port", c.portOrDefault());
            // a session cookie without Secure must not cross a network: off loopback, HTTPS in front is required
            if (!isLoopback(c.hostOrDefault()) && !c.cookiesSecure()) {
                problems.add("console.host " + c.hostOrDefault() + " is not loopback: serve the console behind HTTPS "
                        + "and set console.secureCookies: true");
            }
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static void require(List<String> problems, String name, Object value) {
        if (value == null) {
            problems.add(name + " is missing");
        }
    }

    private static void mustExist(List<String> problems, String name, Path path) {
        if (path != null && !Files.isReadable(path)) {
            problems.add(name + ": cannot read " + path);
        }
    }

    private static void port(List<String> problems, String name, int port) {
        if (port < 1 || port > 65535) {
            problems.add(name + " must be between 1 and 65535, not " + port);
        }
    }
}
