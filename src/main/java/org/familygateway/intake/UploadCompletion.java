package org.familygateway.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.familygateway.trust.Partner;
import org.familygateway.trust.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a file to the gateway only when its upload is complete: when the client closes the file it
 * wrote in {@code inbox/} (or renames a temporary name to its final one). The file moves atomically
 * to {@code arrivals/}, named with its receipt id, before the close is acknowledged, so the client
 * knows the gateway has it. A handle the client never closed (a dropped connection) is a partial
 * upload and is discarded. A file that grows past the partner's size cap has its next write refused;
 * what was received up to the cap still goes to {@code arrivals/}, marked as too large, so that the
 * partner gets a signed receipt refusing it (MESSAGE_TOO_LARGE) and the refusal is audited. While
 * the gateway has no room (Capacity), a completed upload stays in the inbox, untouched, and is
 * handed on when there is room again (HeldUploads).
 */
final class UploadCompletion implements SftpEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCompletion.class);
    static final String SEPARATOR = "__";
    /** Follows the receipt id in an arrival's name when the upload was cut off at the cap: {@code <id>.over-<cap>__<name>}. */
    static final String OVER_CAP = ".over-";

    private final SftpFolders folders;
    private final PartnerDirectory partners;
    private final long maxFileBytes;
    private final HeldUploads held;
    /** Files (as the partner's view names them, per session) whose upload went past the cap. */
    private final Set<String> overCap = ConcurrentHashMap.newKeySet();

    UploadCompletion(SftpFolders folders, PartnerDirectory partners, long maxFileBytes, HeldUploads held) {
        this.folders = folders;
        this.held = held;
        this.partners = partners;
        this.maxFileBytes = maxFileBytes;
    }

    /** The partner's own cap where it has one, the gateway's otherwise. */
    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                        int dataOffset, int dataLen) throws IOException {
        long cap = capFor(session.getUsername());
        if (offset + dataLen > cap) {
            overCap.add(key(session, localHandle.getFile()));
            throw new AccessDeniedException(localHandle.getFile().toString(), null, "file larger than the limit of " + cap + " bytes");
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) throws IOException {
        if (localHandle instanceof FileHandle file && wrote(file)) {
            Path uploaded = file.getFile();
            if (overCap.remove(key(session, uploaded))) {
                arriveTooLarge(session, uploaded);
            } else if (thrown == null && inInbox(uploaded) && !temporary(uploaded)) {
                arrive(session.getUsername(), uploaded);
            }
        }
    }

    @Override
    public void moved(ServerSession session, Path source, Path destination, Collection<CopyOption> options, Throwable thrown)
            throws IOException {
        if (thrown == null && inInbox(destination) && !temporary(destination) && (temporary(source) || !inInbox(source))) {
            arrive(session.getUsername(), destination);
        }
    }

    @Override
    public void exiting(ServerSession session, Handle handle) throws IOException {
        if (handle instanceof FileHandle file && wrote(file) && overCap.remove(key(session, file.getFile()))) {
            arriveTooLarge(session, file.getFile());
        } else if (handle instanceof FileHandle file && wrote(file) && inInbox(file.getFile())) {
            // Unlinked while still open (MINA closes the handle next); the thread may already be
            // interrupted, so nothing here touches the interruptible channel.
            Files.deleteIfExists(real(session.getUsername(), file.getFile()));
            LOG.warn("discarded a partial upload: partner={} file={} (the connection closed before the file did)",
                    session.getUsername(), file.getFile().getFileName());
        }
    }

    private void arrive(String partnerId, Path uploaded) throws IOException {
        if (held.holdIfFull(partnerId, uploaded.getFileName().toString())) {
            return;
        }
        handOver(folders, partnerId, real(partnerId, uploaded));
    }

    /** Moves a completed upload from the inbox to arrivals/, under its receipt id. */
    static void handOver(SftpFolders folders, String partnerId, Path inInbox) throws IOException {
        String name = inInbox.getFileName().toString();
        Path target = folders.arrivals(partnerId).resolve(UUID.randomUUID() + SEPARATOR + name);
        Files.move(inInbox, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("upload complete: partner={} file={} arrival={}", partnerId, name, target.getFileName());
    }

    private void arriveTooLarge(ServerSession session, Path uploaded) throws IOException {
        String partnerId = session.getUsername();
        long cap = capFor(partnerId);
        String name = uploaded.getFileName().toString();
        Path target = folders.arrivals(partnerId).resolve(UUID.randomUUID() + OVER_CAP + cap + SEPARATOR + name);
        Files.move(real(partnerId, uploaded), target, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("upload refused past the size cap: partner={} file={} cap={} arrival={}", partnerId, name, cap, target.getFileName());
    }

    private long capFor(String partnerId) {
        return partners.byId(partnerId).map(Partner::maxFileBytes).filter(own -> own != null && own < maxFileBytes).orElse(maxFileBytes);
    }

    private static String key(ServerSession session, Path virtual) {
        return System.identityHashCode(session) + ":" + session.getUsername() + ":" + virtual.toAbsolutePath().normalize();
    }

    /** The file on disk behind a path in the partner's view (which is rooted at its home folder). */
    private Path real(String partnerId, Path virtual) {
        Path inbox = folders.inbox(partnerId);
        Path real = inbox.resolve(virtual.getFileName().toString()).normalize();
        if (!real.startsWith(inbox)) {
            throw new IllegalStateException("upload path escapes the inbox");
        }
        return real;
    }

    private static boolean wrote(FileHandle file) {
        Set<StandardOpenOption> options = file.getOpenOptions();
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    }

    private static boolean inInbox(Path virtual) {
        Path parent = virtual.toAbsolutePath().normalize().getParent();
        return parent != null && "/inbox".equals(parent.toString());
    }

    /** Names clients use while a file is still being written; renamed to the final name when done. */
    private static boolean temporary(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".filepart");
    }
}
