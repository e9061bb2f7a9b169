package org.familygateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.familygateway.app.Database;
import org.familygateway.testing.SettableClock;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two gateway instances' case publishers on one database: one publishes at a time, the other takes
 * over only once the first's lease lapses, and publishing side by side sends each version once.
 */
class CaseOutboxTest {

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock(LocalDate.of(2026, 11, 23));

    @ParameterizedTest
    @EnumSource(Kind.class)
    void one_instance_publishes_at_a_time_and_another_takes_over_when_its_lease_lapses(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            CaseOutbox first = new CaseOutbox(database.dataSource(), clock);
            CaseOutbox second = new CaseOutbox(database.dataSource(), clock);
            addVersions(database, "case-a", 3);

            assertThat(first.claim(10)).extracting(CaseUpdate::version).containsExactly(1, 2, 3);
            assertThat(second.claim(10)).as("the first holds the lease").isEmpty();
            assertThatThrownBy(second::confirmPublisher).hasMessageContaining("another gateway instance publishes the case outbox");
            first.confirmPublisher();

            clock.advance(CaseOutbox.LEASE.minusSeconds(1));
            assertThat(second.claim(10)).as("the lease has not lapsed yet").isEmpty();

            clock.advance(Duration.ofSeconds(2));
            assertThat(second.claim(10)).as("the first went quiet past its lease: the second takes over")
                    .extracting(CaseUpdate::version).containsExactly(1, 2, 3);
            assertThatThrownBy(first::confirmPublisher).as("the first may not send once the second has taken over")
                    .isInstanceOf(IllegalStateException.class);

            for (int v = 1; v <= 3; v++) {
                second.published("case-a", v);
            }
            assertThat(first.claim(10)).isEmpty();
            assertThat(second.claim(10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sends_soon_after_a_renewal_do_not_write_the_lease_again(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            CaseOutbox outbox = new CaseOutbox(database.dataSource(), clock);
            addVersions(database, "case-r", 1);
            outbox.claim(10);
            Instant taken = leaseUntil(database);

            clock.advance(CaseOutbox.RENEW_AFTER.minusSeconds(1));
            outbox.confirmPublisher();
            assertThat(leaseUntil(database)).as("renewed within the last 5 s: left alone").isEqualTo(taken);

            clock.advance(Duration.ofSeconds(2));
            outbox.confirmPublisher();
            assertThat(leaseUntil(database)).as("renewed again").isEqualTo(taken.plus(CaseOutbox.RENEW_AFTER).plusSeconds(1));
        }
    }

    private static Instant leaseUntil(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             java.sql.ResultSet row = connection.createStatement().executeQuery("select lease_until from case_publisher where id = 1")) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void an_instance_restarted_under_its_name_takes_its_lease_up_at_once(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            addVersions(database, "case-c", 2);
            CaseOutbox beforeCrash = new CaseOutbox(database.dataSource(), clock, "gateway-one");
            assertThat(beforeCrash.claim(10)).hasSize(2);

            CaseOutbox restarted = new CaseOutbox(database.dataSource(), clock, "gateway-one");
            CaseOutbox other = new CaseOutbox(database.dataSource(), clock, "gateway-two");
            assertThat(other.claim(10)).as("another instance still waits for the lease to lapse").isEmpty();
            assertThat(restarted.claim(10)).as("the same instance after a restart publishes at once").hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void two_instances_publishing_side_by_side_send_each_version_once(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            addVersions(database, "case-b", 300);
            Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> running = List.of(instances.submit(() -> publish(new CaseOutbox(database.dataSource(), clock), sent)),
                        instances.submit(() -> publish(new CaseOutbox(database.dataSource(), clock), sent)));
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                instances.shutdownNow();
            }
            assertThat(sent).hasSize(300);
            assertThat(sent.values()).extracting(AtomicInteger::get).containsOnly(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void versions_no_case_reached_are_removed_at_start_up_with_their_place_in_the_outbox(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            // the household step writes a version and its case's move together; a kill can leave the version alone
            addVersions(database, "case-e", 3);
            CaseOutbox outbox = new CaseOutbox(database.dataSource(), clock);
            outbox.published("case-e", 1);
            assertThat(outbox.backlog()).isEqualTo(2);

            assertThat(CaseOutbox.discardVersionsBeyondCases(database.dataSource())).isEqualTo(3);
            assertThat(outbox.pending(10)).isEmpty();
            assertThat(outbox.backlog()).isZero();
            assertThat(CaseOutbox.discardVersionsBeyondCases(database.dataSource())).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_claim_sent_whole_leaves_the_outbox_together_and_one_not_marked_is_claimed_again(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            addVersions(database, "case-f", 4);
            addVersions(database, "case-g", 2);
            CaseOutbox outbox = new CaseOutbox(database.dataSource(), clock);

            List<CaseUpdate> claim = outbox.claim(4);
            assertThat(claim).hasSize(4);
            // sent, and the publisher stopped before marking them (a crash, a failed send): the same claim comes again
            assertThat(outbox.claim(4)).extracting(CaseUpdate::duplicateId)
                    .containsExactlyElementsOf(claim.stream().map(CaseUpdate::duplicateId).toList());

            outbox.published(claim);
            assertThat(outbox.backlog()).isEqualTo(2);
            assertThat(outbox.claim(10)).extracting(CaseUpdate::duplicateId)
                    .doesNotContainAnyElementsOf(claim.stream().map(CaseUpdate::duplicateId).toList()).hasSize(2);
            outbox.published(List.of());
            assertThat(outbox.backlog()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_case_of_several_megabytes_is_kept_and_published_whole(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            // a household referred and shared about thousands of times: its case holds every piece
            String evidence = "<Referral>" + "x".repeat(2_000) + "</Referral>";
            byte[] large = ("<Case>" + evidence.repeat(2_500) + "</Case>").getBytes(StandardCharsets.UTF_8);
            assertThat(large.length).isGreaterThan(5_000_000);
            try (Connection connection = database.dataSource().getConnection()) {
                CaseStore.addVersion(connection, new CaseUpdate("case-large", 1, "OPEN", clock.instant(), large));
            }
            CaseOutbox outbox = new CaseOutbox(database.dataSource(), clock);
            assertThat(outbox.claim(10)).singleElement().satisfies(update -> assertThat(update.xml()).isEqualTo(large));
        }
    }

    /** What routes/cases-out.camel.yaml does, a few versions at a time, until nothing is left to publish. */
    private static void publish(CaseOutbox outbox, Map<String, AtomicInteger> sent) {
        int idle = 0;
        while (idle < 50) {
            List<CaseUpdate> batch = outbox.claim(7);
            if (batch.isEmpty()) {
                idle++;
                pause();
                continue;
            }
            idle = 0;
            for (CaseUpdate update : batch) {
                outbox.confirmPublisher();
                sent.computeIfAbsent(update.duplicateId(), k -> new AtomicInteger()).incrementAndGet();
            }
            outbox.published(batch);
        }
    }

    private void addVersions(Database database, String caseId, int versions) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            for (int v = 1; v <= versions; v++) {
                CaseStore.addVersion(connection, new CaseUpdate(caseId, v, "OPEN", clock.instant(),
                        ("<Case version=\"" + v + "\"/>").getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
