package org.familygateway.audit;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.familygateway.model.Headers;

/**
 * What one audit entry says: identifiers, digests, partner, agreement, lawful basis, outcome and
 * reason, and the pseudonymous ids of the people it is about; never payload content. Fields that do
 * not apply to a step are null.
 *
 * <p>The entry has two parts. The frame (type, partner, channel, agreement, lawful basis, outcome,
 * recipient, reason code, actor) is kept for ever; the details (receipt, sender message, case,
 * reason in words, payload digest, subjects) are purged when the retention period ends.
 */
public record AuditEntry(
        AuditEventType type,
        String receiptId,
        String partnerId,
        String channel,
        String senderMessageId,
        String caseId,
        String reasonCode,
        String detail,
        String payloadDigest,
        String agreementId,
        String lawfulBasis,
        String outcome,
        String recipient,
        String actor,
        List<String> subjects) {

    /** The form of a pseudonym made by model.Pseudonyms; anything else could be a raw identifier. */
    private static final Pattern PSEUDONYM = Pattern.compile("ps_[a-z2-7]{32}");
    static final int MAX_DETAIL = 1000;

    public AuditEntry {
        if (type == null) {
            throw new IllegalArgumentException("an audit entry needs a type");
        }
        subjects = subjects == null ? List.of() : subjects.stream().distinct().sorted().toList();
        for (String subject : subjects) {
            if (!PSEUDONYM.matcher(subject).matches()) {
                throw new IllegalArgumentException("an audit entry holds subject pseudonyms only (ps_...), never identifiers");
            }
        }
        detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    /** A message step as the Foundation records it; the outcome and recipient follow from the step. */
    public AuditEntry(AuditEventType type, String receiptId, String partnerId, String channel, String senderMessageId,
                      String caseId, String reasonCode, String detail, String payloadDigest) {
        this(type, receiptId, partnerId, channel, senderMessageId, caseId, reasonCode, detail, payloadDigest,
                null, null, type.outcome(reasonCode), recipientFor(type, partnerId), null, List.of());
    }

    /** The entry for a step, from the headers the message carries (which hold no personal data). */
    public static AuditEntry fromHeaders(AuditEventType type, Map<String, Object> headers) {
        String reason = text(headers.get(Headers.REASON_MESSAGE));
        String location = text(headers.get(Headers.REASON_LOCATION));
        String detail = reason == null ? null : location == null ? reason : reason + " (at " + location + ")";
        String reasonCode = text(headers.get(Headers.REASON_CODE));
        String outcome = text(headers.get(Headers.OUTCOME));
        String partnerId = text(headers.get(Headers.PARTNER_ID));
        String subjects = text(headers.get(Headers.SUBJECTS));
        return new AuditEntry(type, text(headers.get(Headers.RECEIPT_ID)), partnerId, text(headers.get(Headers.CHANNEL)),
                text(headers.get(Headers.SENDER_MESSAGE_ID)), text(headers.get(Headers.CASE_ID)), reasonCode, detail,
                text(headers.get(Headers.PAYLOAD_DIGEST)), text(headers.get(Headers.AGREEMENT_ID)),
                text(headers.get(Headers.LAWFUL_BASIS)), outcome != null ? outcome : type.outcome(reasonCode),
                recipientFor(type, partnerId), null,
                subjects == null || subjects.isBlank() ? List.of() : Arrays.asList(subjects.trim().split("\\s*,\\s*")));
    }

    /** An access to the log or an administrative change, made by a named person. */
    public static AuditEntry byActor(AuditEventType type, String actor, String outcome, String detail) {
        return new AuditEntry(type, null, null, null, null, null, null, detail, null, null, null,
                outcome != null ? outcome : type.outcome(null), null, actor, List.of());
    }

    /** The same entry about these people (pseudonymous ids); matching calls this. */
    public AuditEntry withSubjects(Collection<String> pseudonyms) {
        return new AuditEntry(type, receiptId, partnerId, channel, senderMessageId, caseId, reasonCode, detail,
                payloadDigest, agreementId, lawfulBasis, outcome, recipient, actor, List.copyOf(pseudonyms));
    }

    /** The same entry under a data-sharing agreement and lawful basis; the agreement step calls this. */
    public AuditEntry withAgreement(String agreement, String basis) {
        return new AuditEntry(type, receiptId, partnerId, channel, senderMessageId, caseId, reasonCode, detail,
                payloadDigest, agreement, basis, outcome, recipient, actor, subjects);
    }

    private static String recipientFor(AuditEventType type, String partnerId) {
        return switch (type) {
            case FORWARDED -> "family-team";
            case RECEIPT_SENT -> partnerId;
            default -> null;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
