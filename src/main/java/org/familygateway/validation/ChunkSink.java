package org.familygateway.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where each chunk of a share's accepted records goes as soon as it is written, while the rest of the
 * share is still being read. Called on the reading thread, so it should hand the chunk on rather than
 * do slow work itself. Whether the share is accepted is known only at its end: a sink must be able to
 * take back what it was given.
 */
@FunctionalInterface
public interface ChunkSink {

    /** Keeps chunks where they were written, for the caller to take from the Submission. */
    ChunkSink NONE = chunk -> {
    };

    void written(Chunk chunk) throws IOException;

    /**
     * A chunk as written: the share's message id, its number (from 0, in the order written), its file,
     * and the kinds of record (element names) it holds.
     */
    record Chunk(String messageId, int index, Path file, Set<String> recordKinds) {
    }
}
