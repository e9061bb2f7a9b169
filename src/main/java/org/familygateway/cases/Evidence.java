package org.familygateway.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One piece of evidence as the pipeline keeps it: a referral, one shared record or a consent update,
 * with where it came from. {@code personId} is the person a record is about (null for referrals and
 * consent updates, and for a record waiting for its person); {@code people} are the people a
 * referral or consent update names, by their ref in the message.
 */
record Evidence(long id, String partnerId, String agency, String messageId, String recordId, Kind kind, String action,
        Long personId, String receiptId, String channel, Instant receivedAt, byte[] body, Map<String, Long> people) {

    /** The record id of a referral or consent update, which have none. */
    static final String NO_RECORD = "-";

    enum Kind { REFERRAL, RECORD, CONSENT }
}
