package org.familygateway.app;

import java.util.List;

/** The broker queues the gateway uses; the routes name them too. */
final class Queues {

    /** Accepted messages (referrals, share chunks, consent updates), durable, before the household step takes them in. */
    static final String INTAKE = "gateway.intake";
    /** What the family team consumes: one case per household, and its updates. */
    static final String CASES = "family-team.cases";
    /** Rejected or unprocessable messages, with their reason, for IG review. */
    static final String QUARANTINE = "gateway.quarantine";
    /** Where the broker puts a message that failed delivery too many times. */
    static final String DEAD_LETTER = "gateway.dead-letter";
    /** Where the broker puts expired messages (none expire by default). */
    static final String EXPIRED = "gateway.expired";

    static final List<String> ALL = List.of(INTAKE, CASES, QUARANTINE, DEAD_LETTER, EXPIRED);

    private Queues() {
    }
}
