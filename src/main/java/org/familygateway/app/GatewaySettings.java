package org.familygateway.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's settings, read from {@code config/gateway.yaml}. Each part is documented where it
 * is declared, in that file. Paths are relative to the configuration folder.
 */
public record GatewaySettings(
        Path dataDir,
        List<Path> trustAnchors,
        Path partners,
        Soap soap,
        Sftp sftp,
        Receipts receipts,
        Broker broker,
        Database database,
        Path pseudonymKey) {

    public record Soap(String host, int port, String path, Path tlsCertificate, Path tlsKey, long maxMessageBytes) {
        public String address() {
            return "https://" + host + ":" + port + path;
        }
    }

    public record Sftp(String host, int port, Path hostKey, long maxFileBytes) {
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
        if (!problems.isEmpty()) {
            throw new ConfigurationException("gateway.yaml: " + String.join("; ", problems));
        }
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
