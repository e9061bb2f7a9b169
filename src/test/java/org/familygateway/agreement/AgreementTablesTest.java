package org.familygateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.familygateway.app.Database;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.familygateway.testing.TestDatabases.Target;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The V5 tables on the embedded database and on PostgreSQL: status changes by command applied over
 * the files (the stricter wins, an ended agreement stays ended), file changes audited, and the
 * usage report's sums.
 */
class AgreementTablesTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_suspension_by_command_applies_on_the_next_read_and_an_end_is_final(Kind kind) {
        Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            StatusChanges changes = new StatusChanges(database.dataSource(), Clock.systemUTC());
            AtomicReference<List<Agreement>> files = new AtomicReference<>(List.of(Fixtures.schoolAgreement()));
            AuditTrail audit = new AuditTrail(database.dataSource(), Clock.systemUTC());
            AgreementRegistry registry = new AgreementRegistry(source(files), changes, audit);
            assertThat(status(registry)).isEqualTo(AgreementStatus.ACTIVE);

            changes.record("school-2026", AgreementStatus.SUSPENDED, "breach investigation", "ig.lead");
            assertThat(status(registry)).isEqualTo(AgreementStatus.SUSPENDED);
            changes.record("school-2026", AgreementStatus.ACTIVE, "closed", "ig.lead");
            assertThat(status(registry)).isEqualTo(AgreementStatus.ACTIVE);

            files.set(List.of(Fixtures.schoolAgreement().withStatus(AgreementStatus.SUSPENDED)));
            assertThat(status(registry)).as("a resumption by command does not lift the file's suspension").isEqualTo(AgreementStatus.SUSPENDED);
            assertThat(audit.latest(10)).extracting(AuditEvent::type).containsOnly(AuditEventType.AGREEMENT_CHANGED);
            assertThat(audit.latest(1).get(0).entry().detail()).startsWith("changed in its file: ACTIVE -> SUSPENDED");

            changes.record("school-2026", AgreementStatus.ENDED, "replaced", "ig.lead");
            assertThatThrownBy(() -> changes.record("school-2026", AgreementStatus.ACTIVE, "oops", "ig.lead"))
                    .hasMessageContaining("stays ended");
            assertThat(changes.history()).extracting(StatusChanges.Change::status).containsExactly(AgreementStatus.SUSPENDED,
                    AgreementStatus.ACTIVE, AgreementStatus.ENDED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void the_usage_report_sums_messages_and_records_by_agreement_partner_and_category(Kind kind) throws SQLException {
        Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password());
             Connection connection = database.dataSource().getConnection()) {
            AgreementUsage usage = new AgreementUsage(database.dataSource(), Clock.systemUTC());
            // as admission records it, in ACCEPTED's transaction (here a connection in auto-commit)
            usage.record(connection, "r-1", "example-school", Map.of(new SharingPermit.Use("school-2026", DataCategoryType.ATTENDANCE), 3L,
                    new SharingPermit.Use("school-2026", DataCategoryType.EXCLUSIONS), 1L));
            usage.record(connection, "r-2", "example-school", Map.of(new SharingPermit.Use("school-2026", DataCategoryType.ATTENDANCE), 500L));
            // r-2 accepted again (its arrival taken up again after a crash): counted once
            usage.record(connection, "r-2", "example-school", Map.of(new SharingPermit.Use("school-2026", DataCategoryType.ATTENDANCE), 500L));
            Instant now = Instant.now();

            List<AgreementUsage.Row> rows = usage.report(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));

            assertThat(rows).containsExactly(
                    new AgreementUsage.Row("school-2026", "example-school", DataCategoryType.ATTENDANCE, 2, 503),
                    new AgreementUsage.Row("school-2026", "example-school", DataCategoryType.EXCLUSIONS, 1, 1));
            assertThat(usage.report(now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS))).isEmpty();
        }
    }

    private static AgreementStatus status(AgreementRegistry registry) {
        return registry.get().byId("school-2026").orElseThrow().status();
    }

    /** A source whose version is the list itself, so a new list is a change. */
    private static AgreementRegistry.Source source(AtomicReference<List<Agreement>> files) {
        return new AgreementRegistry.Source() {
            @Override
            public Object version() {
                return files.get();
            }

            @Override
            public List<Agreement> load() {
                return files.get();
            }
        };
    }
}
