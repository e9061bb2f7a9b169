package org.familygateway.audit.console;

import java.util.List;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;

/** Records each access IG makes through the console, naming the person looked up only by pseudonym. */
final class Access {

    private final AuditTrail audit;

    Access(AuditTrail audit) {
        this.audit = audit;
    }

    void viewed(Web web, String what, String subject) {
        record(AuditEventType.CONSOLE_VIEWED, web, what, subject);
    }

    void exported(Web web, String what, String subject) {
        record(AuditEventType.CONSOLE_EXPORTED, web, what, subject);
    }

    private void record(AuditEventType type, Web web, String what, String subject) {
        AuditEntry entry = AuditEntry.byActor(type, web.session.user(), null, what);
        audit.append(subject == null ? entry : entry.withSubjects(List.of(subject)));
    }
}
