package org.familygateway.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

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

/**
 * The embedded SFTP server: key-only login as a configured partner, modern algorithms only, each
 * partner confined to its own folder (PartnerFolderRules), a bound on open handles, no shell and no
 * commands, and uploads handed on only when complete.
 */
public final class SftpIntakeServer implements AutoCloseable {

    private final SshServer server;
    private final HeldUploads held;

    public SftpIntakeServer(String host, int port, Path hostKey, PartnerDirectory partners, SftpFolders folders,
                            long maxFileBytes, int maxOpenHandles, Capacity capacity) {
        server = SshServer.setUpDefaultServer();
        held = new HeldUploads(folders, capacity);
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        SshAlgorithms.restrict(server);
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        SftpModuleProperties.MAX_OPEN_HANDLES_PER_SESSION.set(server, maxOpenHandles);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> mayLogIn(partners, user, key));
        server.setShellFactory(null);
        server.setCommandFactory(null);

        VirtualFileSystemFactory files = new VirtualFileSystemFactory();
        for (Partner partner : partners.all()) {
            if (partner.mayUse(ChannelType.SFTP)) {
                folders.prepare(partner.id());
                files.setUserHomeDir(partner.id(), folders.partnerHome(partner.id()));
            }
        }
        server.setFileSystemFactory(files);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(new PartnerFolderRules()).build();
        sftp.addSftpEventListener(new UploadCompletion(folders, partners, maxFileBytes, held));
        server.setSubsystemFactories(List.of(sftp));
    }

    public void start() {
        try {
            server.start();
            held.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SFTP server on " + server.getHost() + ":" + server.getPort(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
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
