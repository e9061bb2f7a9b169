package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.testing.Examples;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner with nothing but OpenSSL and OpenSSH: signs a referral with openssl cms, uploads it with
 * sftp, fetches the receipt and checks it with openssl cms -verify. CI installs both tools and sets
 * FG_REQUIRE_PARTNER_TOOLS, so there the test fails rather than skips without them.
 */
class PartnerToolsTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private static final Path POLICE = Project.certs().resolve("partners/example-police");

    @BeforeAll
    static void the_tools_are_there() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/openssl")) && Files.isExecutable(Path.of("/usr/bin/sftp"));
        if (Boolean.parseBoolean(System.getenv("FG_REQUIRE_PARTNER_TOOLS"))) {
            assertThat(present).as("openssl and sftp are required (FG_REQUIRE_PARTNER_TOOLS)").isTrue();
        }
        assumeThat(present).as("openssl and OpenSSH's sftp are not installed; install them to run this test").isTrue();
    }

    @Test
    void a_file_signed_with_openssl_and_uploaded_with_openssh_sftp_is_accepted_and_its_receipt_verifies(@TempDir Path partner)
            throws Exception {
        ReferralType referral = Examples.referral();
        referral.getReferrer().getAgency().setPartnerId("example-police");
        referral.getReferrer().getAgency().setName("Example Constabulary");
        referral.getReferrer().getAgency().setKind(AgencyKindType.POLICE);
        Files.write(partner.resolve("referral.xml"), Examples.xml(referral));
        Path key = Files.copy(POLICE.resolve("id_ed25519"), partner.resolve("police.key"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(partner.resolve("known_hosts"), "[127.0.0.1]:" + gateway.gateway().sftpPort() + " "
                + Files.readString(Path.of(gateway.settings().sftp().hostKey() + ".pub")));

        run(partner, "openssl", "cms", "-sign", "-binary", "-nodetach", "-outform", "DER", "-in", "referral.xml",
                "-out", "referral.p7m", "-signer", POLICE.resolve("signing.crt").toString(), "-inkey", POLICE.resolve("signing.key").toString());
        sftp(partner, "put referral.p7m inbox/");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(partner.resolve("referral.p7m.receipt.p7m"))) {
            assertThat(Instant.now()).as("the receipt appears in receipts/").isBefore(deadline);
            sftp(partner, "-get receipts/referral.p7m.receipt.p7m");
            Thread.sleep(500);
        }
        run(partner, "openssl", "cms", "-verify", "-inform", "DER", "-in", "referral.p7m.receipt.p7m",
                "-CAfile", Project.certs().resolve("ca/ca.crt").toString(), "-out", "receipt.xml");

        String receipt = Files.readString(partner.resolve("receipt.xml"));
        assertThat(receipt).contains("<Outcome>ACCEPTED</Outcome>").contains("<PartnerId>example-police</PartnerId>")
                .contains("<MessageId>" + referral.getMessageId() + "</MessageId>").contains("<FileName>referral.p7m</FileName>");
    }

    private static void sftp(Path folder, String command) throws IOException, InterruptedException {
        Files.writeString(folder.resolve("batch"), command + "\n");
        run(folder, "sftp", "-b", "batch", "-i", "police.key", "-o", "UserKnownHostsFile=known_hosts", "-o", "IdentitiesOnly=yes",
                "-P", String.valueOf(gateway.gateway().sftpPort()), "example-police@127.0.0.1");
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    }
}
