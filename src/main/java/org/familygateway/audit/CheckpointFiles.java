package org.familygateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoints as files IG keeps away from the gateway: {@code checkpoint-<size>.p7m}, each the
 * CMS SignedData (DER) as signed, checkable with
 * {@code openssl cms -verify -inform DER -in checkpoint-....p7m -CAfile ca.crt}.
 */
public final class CheckpointFiles {

    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".p7m";

    private CheckpointFiles() {
    }

    /** Writes every checkpoint not already in the folder; returns how many were written. */
    public static int export(List<Checkpoint> checkpoints, Path folder) {
        int written = 0;
        try {
            Files.createDirectories(folder);
            for (Checkpoint checkpoint : checkpoints) {
                Path file = folder.resolve(String.format("%s%012d%s", PREFIX, checkpoint.size(), SUFFIX));
                if (!Files.exists(file)) {
                    Files.write(file, checkpoint.signed());
                    written++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export checkpoints to " + folder, e);
        }
        return written;
    }

    /** The checkpoints kept in a folder, each checked against the gateway's certificate, smallest first. */
    public static List<Checkpoint> read(Path folder, CheckpointVerifier verifier) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PREFIX)).sorted().toList()) {
                try {
                    checkpoints.add(verifier.verify(Files.readAllBytes(file)));
                } catch (CheckpointRefused e) {
                    throw new CheckpointRefused(file.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints from " + folder, e);
        }
        return checkpoints;
    }
}
