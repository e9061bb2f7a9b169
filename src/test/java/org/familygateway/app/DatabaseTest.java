package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.familygateway.testing.TestDatabases.Target;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same migrations and audit trail on the embedded database and on PostgreSQL. */
class DatabaseTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migrations_run_and_audit_entries_are_written_and_read_back_in_order(Kind kind) {
        Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            AuditTrail audit = new AuditTrail(database.dataSource(), Clock.systemUTC());
            audit.append(new AuditEntry(AuditEventType.RECEIVED, "r-1", null, "SOAP", null, null, null, null, "ab".repeat(32)));
            audit.append(new AuditEntry(AuditEventType.REJECTED, "r-1", "example-school", "SOAP", "m-1", null,
                    "SCHEMA_INVALID", "x".repeat(2000), "ab".repeat(32)));
            audit.append(new AuditEntry(AuditEventType.RECEIVED, "r-2", null, "SFTP", null, null, null, null, "cd".repeat(32)));

            List<AuditEvent> first = audit.forReceipt("r-1");
            assertThat(first).extracting(AuditEvent::type).containsExactly(AuditEventType.RECEIVED, AuditEventType.REJECTED);
            assertThat(first.get(1).entry().reasonCode()).isEqualTo("SCHEMA_INVALID");
            assertThat(first.get(1).entry().detail()).hasSize(1000);
            assertThat(audit.latest(1)).singleElement().satisfies(e -> assertThat(e.entry().receiptId()).isEqualTo("r-2"));
        }
        try (Database reopened = Database.open(target.url(), target.user(), target.password())) {
            assertThat(new AuditTrail(reopened.dataSource(), Clock.systemUTC()).latest(10)).hasSize(3);
        }
    }
}
