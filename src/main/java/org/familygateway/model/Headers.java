package org.familygateway.model;

/**
 * Names of the headers a message carries from intake to the family team's queue. They travel as
 * JMS properties, so each is a valid Java identifier. None of them holds personal data.
 */
public final class Headers {

    /** The gateway's id for this delivery; also the receipt's id. */
    public static final String RECEIPT_ID = "fgReceiptId";
    /** The partner that delivered the message (the SOAP signer, the SFTP account). */
    public static final String PARTNER_ID = "fgPartnerId";
    /** SOAP or SFTP. */
    public static final String CHANNEL = "fgChannel";
    /** The sender's own message id, from the message. */
    public static final String SENDER_MESSAGE_ID = "fgSenderMessageId";
    /** ISO-8601 instant at which the gateway received the bytes. */
    public static final String RECEIVED_AT = "fgReceivedAt";
    /** Hex SHA-256 of the bytes as received (envelope or file). */
    public static final String PAYLOAD_DIGEST = "fgPayloadDigest";
    /** The SFTP file name as uploaded. */
    public static final String FILE_NAME = "fgFileName";
    /** Set on an SFTP arrival cut off at the partner's size cap: the cap, in bytes. */
    public static final String UPLOAD_CAP_EXCEEDED = "fgUploadCapExceeded";
    /** The root element of the message, e.g. Referral. */
    public static final String MESSAGE_TYPE = "fgMessageType";
    /**
     * "true" on an SFTP arrival taken up again whose earlier try was already audited ACCEPTED: its
     * steps are audited again, but the metrics count the message once.
     */
    public static final String ACCEPTED_BEFORE = "fgAcceptedBefore";
    /** Why a message was rejected or quarantined: a ReasonCodeType name. */
    public static final String REASON_CODE = "fgReasonCode";
    /** The reason in words (never content). */
    public static final String REASON_MESSAGE = "fgReasonMessage";
    /** Where in the message the problem is, when known. */
    public static final String REASON_LOCATION = "fgReasonLocation";
    /** For a share: how many of its records were accepted, and rejected. */
    public static final String RECORDS_ACCEPTED = "fgRecordsAccepted";
    public static final String RECORDS_REJECTED = "fgRecordsRejected";
    /** For a share sent on in chunks: which chunk this is, from 0. */
    public static final String CHUNK = "fgChunk";
    /** The case a message was forwarded as. */
    public static final String CASE_ID = "fgCaseId";
    /** The version of that case. */
    public static final String CASE_VERSION = "fgCaseVersion";

    /** The data-sharing agreement the message is shared under (set by the agreement step). */
    public static final String AGREEMENT_ID = "fgAgreementId";
    /** The lawful basis the sharing relies on, as the agreement names it. */
    public static final String LAWFUL_BASIS = "fgLawfulBasis";
    /** "true" when a referral relies on a lawful basis other than consent: the case is flagged for IG review. */
    public static final String IG_REVIEW = "fgIgReview";
    /** What a step decided, when the step's type alone does not say (e.g. NOT_ELIGIBLE). */
    public static final String OUTCOME = "fgOutcome";
    /** Pseudonymous subject ids (model.Pseudonyms) the message is about, comma-separated; never identifiers. */
    public static final String SUBJECTS = "fgSubjects";

    /** Artemis' duplicate-detection id: a message (or chunk) with an id the broker has seen is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** The JMS group: Artemis gives all of one group to one consumer at a time (a partner's messages in order). */
    public static final String GROUP = "JMSXGroupID";

    private Headers() {
    }
}
