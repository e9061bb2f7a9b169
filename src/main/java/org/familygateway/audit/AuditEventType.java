package org.familygateway.audit;

/** The steps a message takes, each recorded once. */
public enum AuditEventType {
    /** Bytes arrived from a partner. */
    RECEIVED,
    /** The signature verified and the signer is the sending partner. */
    SIGNATURE_VERIFIED,
    /** The message is valid against the contract. */
    VALIDATED,
    /** Durably on the intake queue; the partner is told "accepted". */
    ACCEPTED,
    /** Refused, with the reason; the message went to quarantine. */
    REJECTED,
    /** A receipt (accepted or rejected) was given to the partner. */
    RECEIPT_SENT,
    /** Sent to the family team's queue as a case. */
    FORWARDED,
    /** Accepted earlier but could not be processed; moved to quarantine with the reason. */
    QUARANTINED,
    /** An accepted information share (or chunk of one) waits for matching and eligibility. */
    QUEUED_FOR_MATCHING,
    /** An accepted consent update waits for the agreement and consent checks. */
    QUEUED_FOR_CONSENT
}
