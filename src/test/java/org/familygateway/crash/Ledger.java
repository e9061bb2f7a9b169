package org.familygateway.crash;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the partners know: for each message id they sent, what it was, on which channel, how it
 * ended, the receipt id of the last answer they got, and, for a message made to be refused, the
 * reason the gateway must give.
 */
final class Ledger {

    enum Outcome {
        /** An ACCEPTED receipt reached the partner. */
        ACCEPTED,
        /** An attempt's answer was lost (the gateway died); a resend was refused as REPLAYED: an earlier attempt was accepted. */
        ACCEPTED_RECEIPT_LOST,
        /** Refused: with the reason it was made to be refused for, or for a reason of its own (not expected). */
        REJECTED
    }

    /**
     * @param receiptId the receipt of the answer (ACCEPTED or REJECTED); none when it was lost
     * @param reason    the reason code of a refusal
     * @param kind      what the message was made to be: a referral or an information share to accept, or a
     *                  referral the gateway must refuse for a reason
     * @param family    the family it is about (Examples.referralAboutFamily)
     */
    record Sent(String channel, Outcome outcome, String receiptId, int attempts, String reason, Partners.Kind kind, int family) {

        /** The reason code the gateway must refuse it for; none for a message to accept. */
        String expected() {
            return kind.expected();
        }
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    void record(String messageId, Sent outcome) {
        sent.put(messageId, outcome);
    }

    Map<String, Sent> all() {
        return sent;
    }
}
