package org.familygateway.audit;

import java.time.Instant;

/**
 * An audit entry as stored: its id, its position in the tree (0, 1, 2, ...), when it was written,
 * and whether retention has purged its details.
 */
public record AuditEvent(long id, long position, Instant occurredAt, AuditEntry entry, boolean purged) {

    public AuditEventType type() {
        return entry.type();
    }
}
