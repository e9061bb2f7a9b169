package org.familygateway.model;

import java.util.List;

/** A record of a bulk share that was refused: where it was in the message, its id, and why. */
public record RecordRejection(long position, String recordId, List<Rejection> problems) {

    public RecordRejection {
        problems = List.copyOf(problems);
    }
}
