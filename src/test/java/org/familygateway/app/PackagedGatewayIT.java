package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familygateway.testing.FreePorts;
import org.familygateway.testing.JavaProcesses;
import org.familygateway.testing.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged jar, run as the README says, in its own process, driven only through its command
 * line: a partner sends by SOAP and SFTP, the family team takes the cases over AMQP, IG reads the
 * audit, and SIGTERM stops it cleanly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedGatewayIT {

    private static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/family-gateway.jar"));
    private static Path dataDir;
    private static Path log;
    private static Process gateway;
    private static List<String> settings;
    private static int brokerPort;
    private static String schoolsMessageId;

    @BeforeAll
    static void start_the_jar() throws Exception {
        dataDir = Files.createTempDirectory("family-gateway-it-");
        log = dataDir.resolve("gateway.log");
        brokerPort = FreePorts.next();
        settings = List.of("--set", "dataDir=" + dataDir.resolve("data"), "--set", "soap.port=" + FreePorts.next(),
                "--set", "sftp.port=" + FreePorts.next(), "--set", "broker.port=" + brokerPort,
                "--set", "console.port=" + FreePorts.next(), "--set", "operations.port=" + FreePorts.next());
        List<String> command = JavaProcesses.java(List.of(), "-jar", JAR.toString(), "run");
        command.addAll(settings);
        gateway = JavaProcesses.startGateway(command, log, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void a_partner_simulated_by_soap_gets_an_acknowledgement() throws Exception {
        String output = cli("simulate", "--as", "example-school", "--via", "soap");
        assertThat(output).contains("<Outcome>ACCEPTED</Outcome>").contains("<PartnerId>example-school</PartnerId>");
        Matcher messageId = Pattern.compile("<MessageId>([^<]+)</MessageId>").matcher(output);
        assertThat(messageId.find()).as(output).isTrue();
        schoolsMessageId = messageId.group(1);
    }

    @Test
    @Order(2)
    void a_partner_simulated_by_sftp_gets_a_signed_receipt() throws Exception {
        String output = cli("simulate", "--as", "example-police", "--via", "sftp");
        assertThat(output).contains("<Outcome>ACCEPTED</Outcome>").contains("<Channel>SFTP</Channel>");
    }

    @Test
    @Order(3)
    void the_family_team_takes_the_households_case_in_two_versions_over_amqp() throws Exception {
        String output = run(JavaProcesses.java(List.of(), "-jar", JAR.toString(), "cases", "--url", "amqp://127.0.0.1:" + brokerPort,
                "--max", "2", "--wait", "20"));
        // both partners referred the same sample household: one case, the police's referral its second version
        assertThat(output).contains("2 case version(s) taken").contains("version 1 (NEW)").contains("version 2 (UPDATED)")
                .contains("<Case xmlns=\"urn:familygateway:v1\">").contains("<PartnerId>example-police</PartnerId>");
    }

    @Test
    @Order(4)
    void information_governance_reads_the_audit_while_the_gateway_runs() throws Exception {
        String output = cli("audit", "--latest", "50");
        assertThat(output).contains("FORWARDED").contains("RECEIPT_SENT").contains("example-police").contains("example-school");
        // the school quotes its own message id: every step of that delivery, and nothing of the police's
        String school = cli("audit", "--message", schoolsMessageId);
        assertThat(school).contains("RECEIVED").contains("ACCEPTED").contains("RECEIPT_SENT").contains("example-school")
                .doesNotContain("example-police");
    }

    @Test
    @Order(5)
    void information_governance_signs_verifies_and_exports_checkpoints_that_openssl_accepts() throws Exception {
        assertThat(cli("audit", "checkpoints", "sign")).contains("signed size");
        assertThat(cli("audit", "verify")).contains("VERIFIED:").contains("1 signed checkpoint(s)");
        Path kept = dataDir.resolve("kept-by-ig");
        assertThat(cli("audit", "checkpoints", "export", kept.toString())).contains("wrote 1 new checkpoint file(s)");
        Path file;
        try (var files = Files.list(kept)) {
            file = files.findFirst().orElseThrow();
        }
        String openssl = run(List.of("openssl", "cms", "-verify", "-inform", "DER", "-in", file.toString(),
                "-CAfile", Project.certs().resolve("ca").resolve("ca.crt").toString()));
        assertThat(openssl).contains("family-gateway audit checkpoint v1").contains("root ");
        assertThat(cli("audit", "verify", "--checkpoints", kept.toString())).contains("VERIFIED:");
    }

    @Test
    @Order(6)
    void sigterm_stops_it_cleanly() throws Exception {
        gateway.destroy();
        assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        assertThat(Files.readString(log)).doesNotContain("Exception in thread");
        assertThat(Files.readAllLines(log)).as("nothing logged as an error, before or while it stopped")
                .noneMatch(line -> line.contains(" ERROR "));
    }

    private static String cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = JavaProcesses.java(List.of(), "-jar", JAR.toString());
        command.addAll(List.of(arguments));
        command.addAll(settings);
        return run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        JavaProcesses.Output output = JavaProcesses.run(command, Duration.ofSeconds(120));
        assertThat(output.exit()).as(output.text()).isZero();
        return output.text();
    }
}
