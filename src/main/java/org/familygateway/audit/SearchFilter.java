package org.familygateway.audit;

import java.time.LocalDate;

/**
 * What IG searches the log for; null fields do not filter. Dates are whole days (UTC), both ends
 * included; the subject is a pseudonym, never an identifier; the message is the id a partner quotes
 * (its own message id, or the receipt id the gateway gave it), and finds every step of the
 * deliveries it names.
 */
public record SearchFilter(LocalDate from, LocalDate to, String partner, String agreement, AuditEventType type,
                           String outcome, String subject, String message) {

    public static SearchFilter everything() {
        return new SearchFilter(null, null, null, null, null, null, null, null);
    }

    /** In words, for the audit entry that records the search (the subject only as its pseudonym). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "from", from);
        append(text, "to", to);
        append(text, "partner", partner);
        append(text, "agreement", agreement);
        append(text, "type", type);
        append(text, "outcome", outcome);
        append(text, "subject", subject);
        append(text, "message", message);
        return text.length() == 0 ? "no filter" : text.toString().trim();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(name).append('=').append(value).append(' ');
        }
    }
}
