package org.familygateway.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where SFTP files live under the data folder. Each partner sees only its own folder, with
 * {@code inbox/} to upload to and {@code receipts/} to collect from; a completed upload moves to
 * {@code arrivals/<partner>/}, outside the partner's view, where the intake route takes it.
 */
public record SftpFolders(Path root) {

    public Path partnerHome(String partnerId) {
        return root.resolve("partners").resolve(partnerId);
    }

    public Path inbox(String partnerId) {
        return partnerHome(partnerId).resolve("inbox");
    }

    public Path receipts(String partnerId) {
        return partnerHome(partnerId).resolve("receipts");
    }

    public Path arrivals() {
        return root.resolve("arrivals");
    }

    public Path arrivals(String partnerId) {
        return arrivals().resolve(partnerId);
    }

    /** Notes of uploads left in an inbox while the gateway had no room, one empty file per upload. */
    public Path held(String partnerId) {
        return held().resolve(partnerId);
    }

    public Path held() {
        return root.resolve("held");
    }

    /** Makes the folders a partner needs, if they are not there yet. */
    public void prepare(String partnerId) {
        try {
            Files.createDirectories(inbox(partnerId));
            Files.createDirectories(receipts(partnerId));
            Files.createDirectories(arrivals(partnerId));
            Files.createDirectories(held(partnerId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SFTP folders of " + partnerId, e);
        }
    }
}
