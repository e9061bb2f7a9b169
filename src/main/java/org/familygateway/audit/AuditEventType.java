package org.familygateway.audit;

/**
 * The decisions the audit records, each once: the steps a message takes, and every access to the
 * log by information-governance staff and administrators. Each type has the outcome it records
 * unless the step says otherwise.
 */
public enum AuditEventType {
    /** Bytes arrived from a partner. */
    RECEIVED("SUCCEEDED"),
    /** The signature verified and the signer is the sending partner. */
    SIGNATURE_VERIFIED("SUCCEEDED"),
    /** The message is valid against the contract. */
    VALIDATED("SUCCEEDED"),
    /** Durably on the intake queue; the partner is told "accepted". */
    ACCEPTED("ACCEPTED"),
    /** Refused, with the reason; the message went to quarantine. */
    REJECTED("REJECTED"),
    /** A receipt (accepted or rejected) was given to the partner. */
    RECEIPT_SENT("ACCEPTED"),
    /** People in the message were linked to pseudonymous subject ids (the matching step records them). */
    MATCHED("SUCCEEDED"),
    /** Sent to the family team's queue as a case. */
    FORWARDED("FORWARDED"),
    /** Accepted earlier but could not be processed; moved to quarantine with the reason. */
    QUARANTINED("QUARANTINED"),
    /** No longer written: an accepted share waited on a queue of its own (entries from before the household step). */
    QUEUED_FOR_MATCHING("SUCCEEDED"),
    /** No longer written: an accepted consent update waited on a queue of its own (entries from before the household step). */
    QUEUED_FOR_CONSENT("SUCCEEDED"),
    /** A household's evidence was decided by the rule set: the outcome, the rule set, whether a case went. */
    DECIDED("SUCCEEDED"),
    /** Consent was withdrawn for a household: its evidence is restricted and its case ends. */
    CONSENT_WITHDRAWN("SUCCEEDED"),
    /** Consent was given or renewed for a household whose consent had been withdrawn: its case resumes. */
    CONSENT_RESTORED("SUCCEEDED"),
    /** Evidence arrived about a household whose consent is withdrawn: kept restricted, not forwarded. */
    HELD("HELD"),
    /** A reviewer decided an uncertain match (confirmed, rejected or unlinked), named with their pseudonym. */
    MATCH_REVIEWED("SUCCEEDED"),

    /**
     * A referral relies on a lawful basis other than consent (e.g. safeguarding): the basis is named
     * in the entry and information governance must review the case.
     */
    FLAGGED_FOR_IG_REVIEW("FLAGGED"),
    /**
     * Before a case left, the categories its recipient may not receive under the agreement were
     * removed: the entry names the categories, never their values.
     */
    MINIMISED("SUCCEEDED"),
    /** A data-sharing agreement changed: suspended, resumed or ended by a command, or its file changed. */
    AGREEMENT_CHANGED("SUCCEEDED"),

    /** Someone signed in to the IG console. */
    CONSOLE_SIGNED_IN("SUCCEEDED"),
    /** A sign-in to the IG console was refused (unknown user, wrong password, disabled). */
    CONSOLE_SIGN_IN_REFUSED("REFUSED"),
    /** Someone signed out of the IG console. */
    CONSOLE_SIGNED_OUT("SUCCEEDED"),
    /** An IG page was shown: which page and which filters (a subject only as its pseudonym). */
    CONSOLE_VIEWED("SUCCEEDED"),
    /** A report left the console as a file. */
    CONSOLE_EXPORTED("SUCCEEDED"),
    /** A page or action was refused: no role for it, or a request without its CSRF token. */
    CONSOLE_ACCESS_REFUSED("REFUSED"),
    /** The audit log was read or checked from the command line. */
    COMMAND_LINE_ACCESS("SUCCEEDED"),
    /** A console user was added, disabled or enabled (an administrative change). */
    USER_CHANGED("SUCCEEDED"),
    /** Details of entries past their retention period were purged; the tree still verifies. */
    RETENTION_PURGED("SUCCEEDED");

    private final String defaultOutcome;

    AuditEventType(String defaultOutcome) {
        this.defaultOutcome = defaultOutcome;
    }

    /** Whether this records someone reading the log rather than something done with a person's data. */
    public boolean isAccess() {
        return name().startsWith("CONSOLE_") || this == COMMAND_LINE_ACCESS;
    }

    /** The outcome this step records unless told otherwise; a receipt with a reason is a rejection. */
    String outcome(String reasonCode) {
        return this == RECEIPT_SENT && reasonCode != null ? "REJECTED" : defaultOutcome;
    }
}
