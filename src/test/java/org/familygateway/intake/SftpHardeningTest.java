package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.sftp.client.SftpClient;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each partner is confined to its own folder and may only do what an upload needs; the server offers modern algorithms only. */
class SftpHardeningTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway(java.util.Map.of("sftp.maxOpenHandles", "4"));

    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");

    @Test
    void a_path_that_climbs_out_of_the_folder_goes_nowhere() {
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            assertThatThrownBy(() -> police.withSftp(sftp -> write(sftp, "../example-school/inbox/planted.p7m")))
                    .hasMessageContaining("SFTP");
            assertThatThrownBy(() -> police.withSftp(sftp -> write(sftp, "/../../../tmp/escaped.p7m"))).hasMessageContaining("SFTP");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(gateway.dataDir().resolve("sftp/partners/example-school/inbox/planted.p7m")).doesNotExist();
        assertThat(Path.of("/tmp/escaped.p7m")).doesNotExist();
    }

    @Test
    void writing_anywhere_but_the_inbox_is_refused() throws Exception {
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            assertThatThrownBy(() -> police.withSftp(sftp -> write(sftp, "receipts/forged.receipt.p7m"))).hasMessageContaining("SFTP");
            assertThatThrownBy(() -> police.withSftp(sftp -> write(sftp, "elsewhere.p7m"))).hasMessageContaining("SFTP");
            assertThatThrownBy(() -> police.withSftp(sftp -> {
                sftp.mkdir("inbox/sub");
                return null;
            })).hasMessageContaining("SFTP");
        }
        assertThat(gateway.dataDir().resolve("sftp/partners/example-police/receipts/forged.receipt.p7m")).doesNotExist();
    }

    @Test
    void links_cannot_be_made_and_planted_ones_are_not_followed() throws Exception {
        Path receipts = gateway.dataDir().resolve("sftp/partners/example-police/receipts");
        Path secret = Files.writeString(gateway.dataDir().resolve("outside-the-folder.txt"), "not for partners");
        Files.createSymbolicLink(receipts.resolve("planted-link"), secret);
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            assertThatThrownBy(() -> police.withSftp(sftp -> {
                sftp.symLink("inbox/link", "/etc/passwd");
                return null;
            })).hasMessageContaining("SFTP");
            assertThatThrownBy(() -> police.withSftp(sftp -> new String(sftp.read("receipts/planted-link").readAllBytes(), StandardCharsets.UTF_8)))
                    .hasMessageContaining("SFTP");
        } finally {
            Files.delete(receipts.resolve("planted-link"));
        }
    }

    @Test
    void a_partner_may_clear_its_receipts_but_not_move_uploads_out_of_the_inbox() throws Exception {
        Files.writeString(gateway.dataDir().resolve("sftp/partners/example-police/receipts/old.receipt.p7m"), "collected");
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            police.withSftp(sftp -> {
                sftp.remove("receipts/old.receipt.p7m");
                return null;
            });
            assertThatThrownBy(() -> police.withSftp(sftp -> {
                write(sftp, "inbox/slow.part");
                sftp.rename("inbox/slow.part", "receipts/slow.p7m");
                return null;
            })).hasMessageContaining("SFTP");
        }
        assertThat(gateway.dataDir().resolve("sftp/partners/example-police/receipts/old.receipt.p7m")).doesNotExist();
    }

    @Test
    void a_session_may_hold_only_so_many_files_open() throws Exception {
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            assertThatThrownBy(() -> police.withSftp(sftp -> {
                List<SftpClient.CloseableHandle> open = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    open.add(sftp.open("inbox/held-" + i + ".part", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create));
                }
                return open;
            })).hasMessageContaining("SFTP");
        }
    }

    @Test
    void the_server_offers_no_cbc_cipher_no_sha1_mac_no_ssh_rsa_and_negotiates_strict_key_exchange() throws Exception {
        assumeThat(Path.of("/usr/bin/ssh")).as("OpenSSH's client (CI installs it)").exists();
        Process ssh = new ProcessBuilder("/usr/bin/ssh", "-vv", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-p", String.valueOf(gateway.gateway().sftpPort()), "nobody@127.0.0.1")
                .redirectErrorStream(true).start();
        String debug = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ssh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String offer = debug.substring(debug.indexOf("peer server KEXINIT proposal"));
        String kex = line(offer, "KEX algorithms:");
        assertThat(kex).contains("kex-strict-s-v00@openssh.com").doesNotContain("sha1").doesNotContain("group1-").doesNotContain("group14-sha1");
        assertThat(line(offer, "host key algorithms:")).doesNotContainPattern("(^|,)ssh-rsa(,|$)");
        assertThat(line(offer, "ciphers stoc:")).doesNotContain("cbc").doesNotContain("3des").doesNotContain("arcfour");
        assertThat(line(offer, "ciphers ctos:")).doesNotContain("cbc");
        assertThat(line(offer, "MACs stoc:")).doesNotContain("sha1").doesNotContain("md5");
        assertThat(line(offer, "compression ctos:")).doesNotContainPattern("(^|,)zlib(,|$)");
        assertThat(debug).containsPattern("Authentications that can continue: publickey\\r?\\n").doesNotContain("password,");
    }

    private static String line(String text, String label) {
        int start = text.indexOf(label);
        assertThat(start).as(label + " in the client's debug output").isNotNegative();
        return text.substring(start + label.length(), text.indexOf('\n', start)).trim();
    }

    private static Object write(SftpClient sftp, String path) throws java.io.IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
