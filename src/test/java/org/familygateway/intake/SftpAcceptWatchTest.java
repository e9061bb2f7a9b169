package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.CapturedLog;
import org.familygateway.testing.Project;
import org.familygateway.trust.Partner;
import org.familygateway.trust.PartnerDirectory;
import org.familygateway.trust.SshKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SFTP server notices when it stops taking connections and starts itself again. The stall is
 * made the way it was met in a long crash-harness run: the listening socket stays open and the
 * kernel queues connections, but the server issues no next accept (here, because the thread handling
 * an accepted connection never returns, which holds MINA's accept loop).
 */
class SftpAcceptWatchTest {

    private static final Path HOST_KEY = Project.certs().resolve("gateway/ssh_host_ed25519_key");
    private static final PartnerIdentity POLICE = PartnerIdentity.fromFolder("example-police",
            Project.certs().resolve("partners/example-police"));

    @TempDir
    Path data;

    @Test
    void a_server_that_stops_taking_connections_is_started_again_and_takes_uploads() throws Exception {
        SftpFolders folders = new SftpFolders(data.resolve("sftp"));
        PartnerDirectory partners = new PartnerDirectory(List.of(new Partner("example-police", "Example Police", AgencyKindType.POLICE,
                Set.of(ChannelType.SFTP), List.of(), List.of(SshKeys.publicKey(Project.certs().resolve("partners/example-police/id_ed25519.pub"))))));
        SftpIntakeServer server = new SftpIntakeServer("127.0.0.1", 0, HOST_KEY, partners, folders, 1 << 20, 4,
                Capacity.unbounded(), new SftpIntakeServer.Watch(Duration.ofMillis(200), Duration.ofMillis(500), 2));
        AtomicBoolean stall = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        server.current().setIoServiceEventListener(new IoServiceEventListener() {
            @Override
            public void connectionAccepted(IoAcceptor acceptor, SocketAddress local, SocketAddress remote, SocketAddress service)
                    throws IOException {
                if (stall.get()) {
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        try (CapturedLog log = CapturedLog.capture()) {
            server.start();
            int port = server.port();
            upload(port, "before.xml");
            assertThat(arrivals(folders)).anyMatch(name -> name.endsWith("__before.xml"));
            Thread.sleep(1000); // five checks, every one answered
            assertThat(server.restarts()).isZero();

            stall.set(true);
            // the connection gets in (the kernel queues it), but no identification line ever comes
            assertThat(SshBanner.problem("127.0.0.1", port, Duration.ofMillis(500))).get().asString()
                    .contains("no SSH identification");
            await().atMost(Duration.ofSeconds(30)).until(() -> server.restarts() == 1);

            assertThat(server.port()).isEqualTo(port);
            assertThat(SshBanner.problem("127.0.0.1", port, Duration.ofSeconds(5))).isEmpty();
            upload(port, "after.xml");
            assertThat(arrivals(folders)).anyMatch(name -> name.endsWith("__after.xml"));
            assertThat(log.lines()).anyMatch(line -> line.contains("has stopped taking connections on port " + port));
            Thread.sleep(1000);
            assertThat(server.restarts()).as("a server that answers again is left alone").isEqualTo(1);
        } finally {
            release.countDown();
            server.close();
        }
    }

    private static void upload(int port, String name) throws IOException {
        try (SftpPartnerClient police = new SftpPartnerClient("127.0.0.1", port, SshKeys.publicKey(Path.of(HOST_KEY + ".pub")), POLICE)) {
            police.upload(name, "<referral/>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> arrivals(SftpFolders folders) throws IOException {
        try (Stream<Path> files = Files.list(folders.arrivals("example-police"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
