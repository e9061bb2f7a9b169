package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import org.familygateway.app.GatewayCommand;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.CapturedLog;
import org.familygateway.testing.Examples;
import org.familygateway.testing.Project;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestCertificates;
import org.familygateway.testing.TestCertificates.Issued;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import picocli.CommandLine;

/**
 * A partner rotating its signing certificate: for a while the gateway accepts both the old one and
 * the new one, by SOAP and by SFTP; the certificates command and the log say which is running out;
 * once the old one is taken out of the configuration, what it signs is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateRotationTest {

    private static final Issued CA = new Issued(Pem.certificate(Project.certs().resolve("ca/ca.crt")),
            Pem.privateKey(Project.certs().resolve("ca/ca.key")));
    private static final Instant NOW = Instant.now();
    private static final Issued OLD = TestCertificates.signer(CA, "Example Primary School old key (EXAMPLE ONLY)", TestCertificates.ecKeys(),
            NOW.minus(700, ChronoUnit.DAYS), NOW.plus(10, ChronoUnit.DAYS));
    private static final Issued NEW = TestCertificates.signer(CA, "Example Primary School new key (EXAMPLE ONLY)", TestCertificates.ecKeys(),
            NOW.minus(1, ChronoUnit.DAYS), NOW.plus(730, ChronoUnit.DAYS));
    private static final Path FOLDER = folder();
    private static final Path PARTNERS = FOLDER.resolve("partners.yaml");
    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");

    private static final CapturedLog LOG = CapturedLog.capture();

    @RegisterExtension
    static final TestGateway gateway = new TestGateway(Map.of("partners", partners(OLD, NEW).toString()));

    @Test
    @Order(1)
    void during_the_rotation_both_certificates_sign_by_soap_and_by_sftp() throws IOException {
        for (Issued certificate : new Issued[] {OLD, NEW}) {
            PartnerIdentity school = SCHOOL.withSigning(certificate.key(), certificate.certificate());
            RawSoap.Response response = gateway.rawSoap().post(gateway.rawSoap().signedEnvelope(Examples.xml(Examples.referral()), school));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.acknowledgement().getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            assertThat(upload(school, "rotation-" + certificate.certificate().getSerialNumber() + ".p7m").getOutcome())
                    .isEqualTo(OutcomeType.ACCEPTED);
        }
        gateway.familyTeam().nextCase(Duration.ofSeconds(10));
        gateway.familyTeam().nextCase(Duration.ofSeconds(10));
        gateway.familyTeam().nextCase(Duration.ofSeconds(10));
        gateway.familyTeam().nextCase(Duration.ofSeconds(10));
    }

    @Test
    @Order(2)
    void the_log_warns_at_start_about_the_certificate_running_out() {
        assertThat(LOG.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("example-school")
                .contains("message signing").contains(OLD.certificate().getSerialNumber().toString(16)).contains("expires in"));
        assertThat(LOG.lines()).noneSatisfy(line -> assertThat(line).contains(NEW.certificate().getSerialNumber().toString(16)));
    }

    @Test
    @Order(3)
    void the_certificates_command_lists_the_one_running_out_and_fails_for_monitoring() {
        Result within30 = certificates("--expiring-within", "30");
        assertThat(within30.exit()).isEqualTo(1);
        assertThat(within30.output()).contains("example-school").contains("message signing").contains("old key")
                .contains("1 certificate(s) expire within 30 days").doesNotContain("new key");

        Result all = certificates();
        assertThat(all.exit()).isZero();
        assertThat(all.output()).contains("old key").contains("new key").contains("trust anchor").contains("receipt signing")
                .contains("example-police");
        assertThat(all.output().indexOf("old key")).as("soonest first").isLessThan(all.output().indexOf("new key"));
    }

    @Test
    @Order(4)
    void once_the_old_certificate_is_removed_what_it_signs_is_refused() throws IOException {
        partners(NEW);
        gateway.restart();
        PartnerIdentity oldSigner = SCHOOL.withSigning(OLD.key(), OLD.certificate());

        RawSoap.Response response = gateway.rawSoap().post(gateway.rawSoap().signedEnvelope(Examples.xml(Examples.referral()), oldSigner));
        assertThat(response.rejection().getReason().get(0).getCode()).isEqualTo(ReasonCodeType.SIGNER_NOT_A_PARTNER);
        ReceiptType receipt = upload(oldSigner, "after-rotation.p7m");
        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.REJECTED);
        assertThat(receipt.getReason().get(0).getCode()).isEqualTo(ReasonCodeType.SIGNER_NOT_A_PARTNER);

        PartnerIdentity newSigner = SCHOOL.withSigning(NEW.key(), NEW.certificate());
        assertThat(upload(newSigner, "new-still-fine.p7m").getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        gateway.familyTeam().nextCase(Duration.ofSeconds(10));
        LOG.close();
    }

    private record Result(int exit, String output) {
    }

    private static Result certificates(String... options) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] arguments = new String[options.length + 5];
            arguments[0] = "certificates";
            System.arraycopy(options, 0, arguments, 1, options.length);
            arguments[options.length + 1] = "--config";
            arguments[options.length + 2] = Project.config().toString();
            arguments[options.length + 3] = "--set";
            arguments[options.length + 4] = "partners=" + PARTNERS;
            int exit = new CommandLine(new GatewayCommand()).execute(arguments);
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    private static ReceiptType upload(PartnerIdentity school, String name) throws IOException {
        byte[] file = CmsFiles.sign(Examples.xml(Examples.referral()), school.signingKey(), school.signingCertificate());
        try (SftpPartnerClient client = gateway.sftpClient(school)) {
            client.upload(name, file);
            return gateway.receiptChecker().verify(client.awaitReceipt(name));
        }
    }

    /** The project's partners, with example-school signing with these certificates. */
    private static Path partners(Issued... certificates) {
        try {
            StringBuilder list = new StringBuilder();
            for (Issued certificate : certificates) {
                Path file = FOLDER.resolve("school-" + certificate.certificate().getSerialNumber() + ".crt");
                Files.writeString(file, pem(certificate.certificate()));
                list.append(list.isEmpty() ? "" : ", ").append(file);
            }
            String yaml = Files.readString(Project.config().resolve("partners.yaml"))
                    .replace("../certs-example/", Project.certs() + "/")
                    .replace("signingCertificates: [" + Project.certs() + "/partners/example-school/signing.crt]",
                            "signingCertificates: [" + list + "]");
            assertThat(yaml).contains(list.toString());
            Files.writeString(PARTNERS, yaml);
            return PARTNERS;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("rotation-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
