package org.familygateway.audit;

import java.time.Instant;

/** An audit entry as stored: its position in the log and when it was written. */
public record AuditEvent(long id, Instant occurredAt, AuditEntry entry) {

    public AuditEventType type() {
        return entry.type();
    }
}
