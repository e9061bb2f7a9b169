package org.familygateway.audit;

import java.util.Optional;

/**
 * What verifying the log found: how many entries and signed checkpoints were checked, how many
 * entries the latest checkpoint does not yet cover, and the first problem, if any, with the
 * position of the first entry that does not match (when one can be named).
 */
public record Verification(long entries, int checkpoints, long latestCheckpointSize, long uncovered,
                           Optional<Problem> problem) {

    /** The first thing found wrong; {@code position} is the first entry that does not match, or -1. */
    public record Problem(long position, String message) {
    }

    public boolean intact() {
        return problem.isEmpty();
    }

    public String summary() {
        if (problem.isPresent()) {
            return "NOT VERIFIED: " + problem.get().message();
        }
        if (checkpoints == 0) {
            return "VERIFIED against the log's head only: " + entries + " entries, but no signed checkpoint yet";
        }
        return "VERIFIED: " + entries + " entries, " + checkpoints + " signed checkpoint(s); the latest covers "
                + latestCheckpointSize + " entries" + (uncovered == 0 ? "" : ", " + uncovered + " newer entries await the next checkpoint");
    }
}
