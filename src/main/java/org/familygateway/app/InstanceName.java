package org.familygateway.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This gateway instance's name among those sharing a database, kept in its data folder
 * ({@code instance.name}) so that it is the same after a restart: what the instance held before it
 * stopped or crashed (the case publisher's lease) it takes up again at once, instead of waiting for
 * it to lapse. Each instance has a data folder of its own; a copy of one would share its name.
 */
final class InstanceName {

    private static final String FILE = "instance.name";

    private InstanceName() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                try {
                    Files.writeString(Files.createFile(file), "gateway-" + UUID.randomUUID(), StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raced) {
                    // another start in the same folder wrote it first: use theirs
                }
            }
            String name = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (name.isEmpty() || name.length() > 100) {
                throw new IllegalStateException(file + " must hold this instance's name (1 to 100 characters); delete it to make a new one");
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the instance name in " + file, e);
        }
    }
}
