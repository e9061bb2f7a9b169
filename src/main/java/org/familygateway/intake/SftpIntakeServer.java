package org.familygateway.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.trust.Partner;
import org.familygateway.trust.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SFTP server: key-only login as a configured partner, modern algorithms only, each
 * partner confined to its own folder (PartnerFolderRules), a bound on open handles, no shell and no
 * commands, and uploads handed on only when complete.
 *
 * <p>It watches itself: every half minute it connects to its own port and waits for the SSH
 * identification line. A server that has stopped taking connections (its listening socket open, the
 * kernel queueing connections that nothing accepts; seen once in a long crash-harness run) never sends
 * it. After two such misses in a row the server is stopped and a new one started on the same port.
 * Uploads in progress are cut off, which costs nothing: an upload is taken only once complete, and
 * the partner still has the file and sends it again.
 */
public final class SftpIntakeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SftpIntakeServer.class);

    /** How often the server checks it takes connections, how long it waits, and how many misses in a row restart it. */
    record Watch(Duration every, Duration within, int missesBeforeRestart) {
        static final Watch DEFAULT = new Watch(Duration.ofSeconds(30), Duration.ofSeconds(10), 2);
    }

    private final String host;
    private final Path hostKey;
    private final PartnerDirectory partners;
    private final SftpFolders folders;
    private final int maxOpenHandles;
    private final HeldUploads held;
    private final UploadCompletion completion;
    private final Watch watch;
    private final AtomicLong restarts = new AtomicLong();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sftp-accept-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SshServer server;
    private int misses;

    public SftpIntakeServer(String host, int port, Path hostKey, PartnerDirectory partners, SftpFolders folders,
                            long maxFileBytes, int maxOpenHandles, Capacity capacity) {
        this(host, port, hostKey, partners, folders, maxFileBytes, maxOpenHandles, capacity, Watch.DEFAULT);
    }

    SftpIntakeServer(String host, int port, Path hostKey, PartnerDirectory partners, SftpFolders folders,
                     long maxFileBytes, int maxOpenHandles, Capacity capacity, Watch watch) {
        this.host = host;
        this.hostKey = hostKey;
        this.partners = partners;
        this.folders = folders;
        this.maxOpenHandles = maxOpenHandles;
        this.held = new HeldUploads(folders, capacity);
        this.completion = new UploadCompletion(folders, partners, maxFileBytes, held);
        this.watch = watch;
        for (Partner partner : partners.all()) {
            if (partner.mayUse(ChannelType.SFTP)) {
                folders.prepare(partner.id());
            }
        }
        this.server = build(port);
    }

    private SshServer build(int port) {
        SshServer built = SshServer.setUpDefaultServer();
        built.setHost(host);
        built.setPort(port);
        built.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        SshAlgorithms.restrict(built);
        built.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        SftpModuleProperties.MAX_OPEN_HANDLES_PER_SESSION.set(built, maxOpenHandles);
        built.setPasswordAuthenticator(null);
        built.setKeyboardInteractiveAuthenticator(null);
        built.setGSSAuthenticator(null);
        built.setHostBasedAuthenticator(null);
        built.setPublickeyAuthenticator((user, key, session) -> mayLogIn(partners, user, key));
        built.setShellFactory(null);
        built.setCommandFactory(null);

        VirtualFileSystemFactory files = new VirtualFileSystemFactory();
        for (Partner partner : partners.all()) {
            if (partner.mayUse(ChannelType.SFTP)) {
                files.setUserHomeDir(partner.id(), folders.partnerHome(partner.id()));
            }
        }
        built.setFileSystemFactory(files);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(new PartnerFolderRules()).build();
        sftp.addSftpEventListener(completion);
        built.setSubsystemFactories(List.of(sftp));
        return built;
    }

    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SFTP server on " + server.getHost() + ":" + server.getPort(), e);
        }
        held.start();
        long every = watch.every().toMillis();
        watcher.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.getPort();
    }

    /** How many times the server was found not taking connections and started again. */
    public long restarts() {
        return restarts.get();
    }

    /** The server as running now (tests reach into it before start). */
    SshServer current() {
        return server;
    }

    void check() {
        try {
            Optional<String> problem = SshBanner.problem(probeHost(), port(), watch.within());
            if (problem.isEmpty()) {
                misses = 0;
                return;
            }
            misses++;
            LOG.warn("the SFTP server did not answer its own check ({} of {} misses before it is restarted): {}", misses,
                    watch.missesBeforeRestart(), problem.get());
            if (misses >= watch.missesBeforeRestart()) {
                misses = 0;
                restart();
            }
        } catch (RuntimeException e) {
            LOG.error("the SFTP server's check failed; it runs again in {}", watch.every(), e);
        }
    }

    private synchronized void restart() {
        int port = port();
        LOG.error("the SFTP server has stopped taking connections on port {}: restarting it; uploads in progress are cut off "
                + "and their partners send them again, and nothing already accepted is affected", port);
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("the stalled SFTP server did not stop cleanly ({}); starting a new one anyway", e.getMessage());
        }
        SshServer fresh = build(port);
        server = fresh;
        try {
            fresh.start();
            restarts.incrementAndGet();
            LOG.warn("the SFTP server was restarted on port {}", port);
        } catch (IOException e) {
            LOG.error("cannot start the SFTP server again on port {} ({}); the next check tries again", port, e.getMessage());
        }
    }

    /** The server's own address to connect to: loopback when it listens on every address. */
    private String probeHost() {
        return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    @Override
    public void close() throws IOException {
        watcher.shutdownNow();
        held.close();
        server.stop(true);
    }

    private static boolean mayLogIn(PartnerDirectory partners, String user, PublicKey key) {
        return partners.byId(user)
                .filter(partner -> partner.mayUse(ChannelType.SFTP))
                .map(partner -> partner.sshKeys().stream().anyMatch(allowed -> KeyUtils.compareKeys(allowed, key)))
                .orElse(false);
    }
}
