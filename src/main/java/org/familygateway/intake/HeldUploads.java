package org.familygateway.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads completed while the gateway had no room: the file stays in the partner's inbox exactly as
 * uploaded (the partner sees it has not been taken), a note under {@code held/<partner>/} says it is
 * complete, and every half second, when there is room again, held files move on to arrivals/. The
 * notes are on disk, so a restart forgets none.
 */
final class HeldUploads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldUploads.class);
    private static final long SWEEP_MILLIS = 500;

    private final SftpFolders folders;
    private final Capacity capacity;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sftp-held-uploads");
        thread.setDaemon(true);
        return thread;
    });

    HeldUploads(SftpFolders folders, Capacity capacity) {
        this.folders = folders;
        this.capacity = capacity;
    }

    /** True when the upload was held (left in the inbox) because the gateway has no room now. */
    boolean holdIfFull(String partnerId, String name) throws IOException {
        if (capacity.hasRoom()) {
            return false;
        }
        Path note = folders.held(partnerId).resolve(name);
        Files.createDirectories(note.getParent());
        if (!Files.exists(note)) {
            Files.createFile(note);
        }
        LOG.warn("gateway at capacity: upload held in the inbox: partner={} file={}", partnerId, name);
        return true;
    }

    void start() {
        sweeper.scheduleWithFixedDelay(this::releaseIfRoom, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    void releaseIfRoom() {
        Path root = folders.held();
        if (!Files.isDirectory(root) || !capacity.hasRoom()) {
            return;
        }
        try (DirectoryStream<Path> partners = Files.newDirectoryStream(root)) {
            for (Path partner : partners) {
                release(partner.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("could not hand on held uploads (will try again)", e);
        }
    }

    private void release(String partnerId) throws IOException {
        try (DirectoryStream<Path> notes = Files.newDirectoryStream(folders.held(partnerId))) {
            for (Path note : notes) {
                if (!capacity.hasRoom()) {
                    return;
                }
                Path inInbox = folders.inbox(partnerId).resolve(note.getFileName().toString());
                if (Files.isRegularFile(inInbox)) {
                    UploadCompletion.handOver(folders, partnerId, inInbox);
                } else {
                    LOG.info("a held upload is no longer in the inbox (the partner removed it): partner={} file={}", partnerId,
                            note.getFileName());
                }
                Files.delete(note);
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
