package org.familygateway.audit;

import java.util.Map;

import org.familygateway.model.Headers;

/**
 * What one audit entry says: identifiers, digests and reasons, never payload content. Fields that
 * do not apply to a step are null.
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
        String payloadDigest) {

    /** The entry for a step, from the headers the message carries (which hold no personal data). */
    public static AuditEntry fromHeaders(AuditEventType type, Map<String, Object> headers) {
        String reason = text(headers.get(Headers.REASON_MESSAGE));
        String location = text(headers.get(Headers.REASON_LOCATION));
        String detail = reason == null ? null : location == null ? reason : reason + " (at " + location + ")";
        return new AuditEntry(type, text(headers.get(Headers.RECEIPT_ID)), text(headers.get(Headers.PARTNER_ID)),
                text(headers.get(Headers.CHANNEL)), text(headers.get(Headers.SENDER_MESSAGE_ID)),
                text(headers.get(Headers.CASE_ID)), text(headers.get(Headers.REASON_CODE)), detail,
                text(headers.get(Headers.PAYLOAD_DIGEST)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
