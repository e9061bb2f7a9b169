package org.familygateway.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret behind pseudonymous subject ids. A deployment names its own key file (which every
 * gateway instance sharing a database must share); otherwise one is made under the data folder on
 * first start and kept there.
 */
final class PseudonymKey {

    private static final int BYTES = 32;

    private PseudonymKey() {
    }

    static byte[] load(GatewaySettings settings) {
        Path file = settings.pseudonymKey() != null ? settings.pseudonymKey() : settings.dataDir().resolve("keys").resolve("pseudonym.key");
        try {
            if (!Files.exists(file)) {
                if (settings.pseudonymKey() != null) {
                    throw new ConfigurationException("pseudonymKey: " + file + " does not exist");
                }
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < BYTES) {
                throw new ConfigurationException("pseudonymKey: " + file + " holds fewer than " + BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.write(temporary, key);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the data folder's own permissions apply
        }
        Files.move(temporary, file);
    }
}
