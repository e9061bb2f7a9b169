package org.familygateway.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A partner's SFTP client: logs in with the partner's key (pinning the gateway's host key), uploads to
 * {@code inbox/}, and collects the receipt from {@code receipts/}.
 */
public final class SftpPartnerClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SshClient client = SshClient.setUpDefaultClient();
    private final String host;
    private final int port;
    private final PartnerIdentity partner;

    public SftpPartnerClient(String host, int port, PublicKey gatewayHostKey, PartnerIdentity partner) {
        this.host = host;
        this.port = port;
        this.partner = partner;
        client.setServerKeyVerifier((session, address, key) -> KeyUtils.compareKeys(gatewayHostKey, key));
        client.start();
    }

    /** Uploads in one write-and-close, as most partner systems do. */
    public void upload(String name, byte[] content) {
        withSftp(sftp -> {
            try (OutputStream out = sftp.write("inbox/" + name)) {
                out.write(content);
            }
            return null;
        });
    }

    /**
     * Waits for the receipt named after the uploaded file, and returns its bytes: looks for that one
     * file every 100 ms in one session, never listing receipts/, which holds every receipt the
     * partner has not yet collected.
     */
    public byte[] awaitReceipt(String name) {
        return receiptBy(name, Instant.now().plus(TIMEOUT))
                .orElseThrow(() -> new IllegalStateException("no receipt for " + name + " within " + TIMEOUT.toSeconds() + " seconds"));
    }

    /** The receipt named after the uploaded file, looked for every 100 ms in one session until the deadline; empty if none came. */
    public Optional<byte[]> receiptBy(String name, Instant deadline) {
        return withSftp(sftp -> {
            for (Optional<byte[]> found = receipt(sftp, name); ; found = receipt(sftp, name)) {
                if (found.isPresent() || !Instant.now().isBefore(deadline)) {
                    return found;
                }
                sleep();
            }
        });
    }

    /** The receipt named after the uploaded file, if it is there yet. */
    public static Optional<byte[]> receipt(SftpClient sftp, String name) throws IOException {
        String path = "receipts/" + name + ".receipt.p7m";
        try {
            sftp.stat(path);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
        try (InputStream in = sftp.read(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return Optional.of(out.toByteArray());
        }
    }

    /**
     * Runs an SFTP conversation in a fresh, authenticated session, and ends it as a well-behaved
     * client does: the session is closed gracefully (MINA's close() is abrupt), so the server
     * finishes its side of the channel first instead of logging a broken connection.
     */
    public <T> T withSftp(SftpWork<T> work) {
        try {
            ClientSession session = client.connect(partner.partnerId(), host, port).verify(TIMEOUT).getSession();
            try {
                session.addPublicKeyIdentity(partner.sshKey());
                session.auth().verify(TIMEOUT);
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    return work.run(sftp);
                }
            } finally {
                if (!session.close(false).await(TIMEOUT.toMillis())) {
                    session.close(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SFTP as " + partner.partnerId() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("SFTP as " + partner.partnerId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a receipt", e);
        }
    }

    @FunctionalInterface
    public interface SftpWork<T> {
        T run(SftpClient sftp) throws Exception;
    }
}
