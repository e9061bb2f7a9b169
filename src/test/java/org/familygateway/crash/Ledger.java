package org.familygateway.crash;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the partners know: for each message id they sent, on which channel, how it ended, and the
 * receipt ids of the ACCEPTED receipts they got.
 */
final class Ledger {

    enum Outcome {
        /** An ACCEPTED receipt reached the partner. */
        ACCEPTED,
        /** An attempt's answer was lost (the gateway died); a resend was refused as REPLAYED: an earlier attempt was accepted. */
        ACCEPTED_RECEIPT_LOST,
        /** Refused for a reason of its own (not expected here). */
        REJECTED
    }

    record Sent(String channel, Outcome outcome, String receiptId, int attempts, String reason) {
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Set<String> acceptedReceipts = ConcurrentHashMap.newKeySet();

    void record(String messageId, Sent outcome) {
        sent.put(messageId, outcome);
        if (outcome.receiptId() != null) {
            acceptedReceipts.add(outcome.receiptId());
        }
    }

    Map<String, Sent> all() {
        return sent;
    }

    Set<String> acceptedReceipts() {
        return acceptedReceipts;
    }
}
