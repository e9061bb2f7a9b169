package org.familygateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.familygateway.app.Gateway;
import org.familygateway.app.GatewaySettings;
import org.familygateway.app.TrustParts;
import org.familygateway.audit.AuditTrail;
import org.familygateway.simulator.GatewayReceipts;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.trust.Pem;
import org.familygateway.trust.SshKeys;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real gateway for a test class: the project's own configuration, free ports, a fresh data folder,
 * the embedded broker and database (or PostgreSQL). Clients talk to it as partners and as the family
 * team would.
 */
public final class TestGateway implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides = new HashMap<>();
    private Path dataDir;
    private Gateway gateway;
    private FamilyTeam familyTeam;

    public TestGateway() {
        this(Map.of());
    }

    public TestGateway(Map<String, String> extraOverrides) {
        overrides.putAll(extraOverrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("family-gateway-test-");
        overrides.put("dataDir", dataDir.toString());
        overrides.put("soap.port", String.valueOf(FreePorts.next()));
        overrides.put("sftp.port", String.valueOf(FreePorts.next()));
        overrides.put("broker.port", String.valueOf(FreePorts.next()));
        overrides.putIfAbsent("console.port", String.valueOf(FreePorts.next()));
        overrides.putIfAbsent("operations.port", String.valueOf(FreePorts.next()));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        deleteQuietly(dataDir);
    }

    public void start() {
        gateway = Gateway.start(GatewaySettings.load(Project.config(), overrides));
    }

    public void stop() {
        if (familyTeam != null) {
            familyTeam.close();
            familyTeam = null;
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    public void restart() {
        stop();
        start();
    }

    public Gateway gateway() {
        return gateway;
    }

    public GatewaySettings settings() {
        return gateway.settings();
    }

    public AuditTrail audit() {
        return gateway.audit();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The family team's consumer of family-team.cases (and of the quarantine, for IG), over AMQP. */
    public FamilyTeam familyTeam() {
        if (familyTeam == null) {
            familyTeam = new FamilyTeam("amqp://127.0.0.1:" + settings().broker().port());
        }
        return familyTeam;
    }

    public static PartnerIdentity partner(String partnerId) {
        return PartnerIdentity.fromFolder(partnerId, Project.certs().resolve("partners").resolve(partnerId));
    }

    public List<X509Certificate> trustAnchors() {
        return settings().trustAnchors().stream().flatMap(p -> Pem.certificates(p).stream()).toList();
    }

    public SoapPartnerClient soapClient(PartnerIdentity partner) {
        return new SoapPartnerClient(settings().soap().address(), partner, trustAnchors());
    }

    public SftpPartnerClient sftpClient(PartnerIdentity partner) {
        return new SftpPartnerClient(settings().sftp().host(), gateway.sftpPort(),
                SshKeys.publicKey(Path.of(settings().sftp().hostKey() + ".pub")), partner);
    }

    /** Checks receipts as a partner does: the gateway's signature, chaining to the CA. */
    public GatewayReceipts receiptChecker() {
        return new GatewayReceipts(TrustParts.certificatePaths(settings(), Clock.systemUTC()));
    }

    public RawSoap rawSoap() {
        return new RawSoap(settings().soap().address(), trustAnchors());
    }

    /** Runs the action with one of the gateway's tables renamed out of its way, as if it could not be written. */
    public <T> T withTableAside(String table, Supplier<T> action) {
        GatewaySettings.Database database = settings().database();
        try (Connection connection = DriverManager.getConnection(settings().jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("alter table " + table + " rename to " + table + "_aside");
            try {
                return action.get();
            } finally {
                statement.execute("alter table " + table + "_aside rename to " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move table " + table + " aside", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
