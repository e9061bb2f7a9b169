package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.familygateway.app.Database;
import org.familygateway.model.Rejection;
import org.familygateway.model.Transactions;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The replay guard's answer to a resend depends on what became of the first delivery. */
class MessageIdsTest {

    @TempDir
    Path folder;

    private final Database database = Database.open("jdbc:h2:mem:ids-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "gateway", "");
    private final MovableClock clock = new MovableClock();
    private final MessageIds ids = new MessageIds(database.dataSource(), clock, Duration.ofMinutes(2), Duration.ofDays(400), "gateway-a");

    @AfterEach
    void close() {
        database.close();
    }

    /** Marks the claim ACCEPTED as admission does, on a connection of its own (in auto-commit). */
    private static void accepted(Database in, MessageIds guard, String partnerId, String messageId, String receiptId) throws SQLException {
        try (Connection connection = in.dataSource().getConnection()) {
            guard.accepted(connection, partnerId, messageId, receiptId);
        }
    }

    @Test
    void a_resend_while_the_first_delivery_is_unfinished_is_told_to_try_later_not_that_it_is_a_replay() {
        ids.claim("example-school", "m-1", "r-1");

        assertThatThrownBy(() -> ids.claim("example-school", "m-1", "r-2")).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCodeType.INTERNAL_ERROR);
            assertThat(r.getMessage()).contains("has not finished").contains("send it again in 121 seconds");
        });
    }

    @Test
    void a_resend_after_the_first_was_accepted_is_a_replay() throws SQLException {
        ids.claim("example-school", "m-1", "r-1");
        accepted(database, ids, "example-school", "m-1", "r-1");

        assertThatThrownBy(() -> ids.claim("example-school", "m-1", "r-2"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.REPLAYED));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_claim_inside_a_transaction_that_finds_the_id_taken_leaves_the_transaction_usable(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database shared = Database.open(target.url(), target.user(), target.password())) {
            MessageIds guard = new MessageIds(shared.dataSource(), clock, Duration.ofMinutes(2), Duration.ofDays(400), "gateway-a");
            guard.claim("example-school", "m-1", "r-1");
            accepted(shared, guard, "example-school", "m-1", "r-1");
            guard.claim("example-school", "m-2", "r-2");
            clock.move(Duration.ofMinutes(3));

            try (Connection connection = shared.dataSource().getConnection()) {
                Transactions.inTransaction(connection, c -> {
                    // on PostgreSQL the unique violation would abort the whole transaction without the savepoint
                    assertThatThrownBy(() -> guard.claim(c, "example-school", "m-1", "r-3"))
                            .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.REPLAYED));
                    guard.claim(c, "example-school", "m-2", "r-4"); // the lapsed claim, taken over
                    guard.claim(c, "example-school", "m-3", "r-5");
                    return null;
                });
            }
            assertThatThrownBy(() -> guard.claim("example-school", "m-2", "r-6")).as("taken over by r-4, which committed")
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.INTERNAL_ERROR));
            assertThatThrownBy(() -> guard.claim("example-school", "m-3", "r-7"))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.INTERNAL_ERROR));
        }
    }

    @Test
    void after_a_restart_the_same_instance_takes_over_at_once_the_claims_its_earlier_run_left_but_another_instance_waits() {
        ids.claim("example-school", "m-1", "r-1");
        ids.claim("example-school", "m-2", "r-2");
        clock.move(Duration.ofSeconds(10));
        MessageIds restarted = new MessageIds(database.dataSource(), clock, Duration.ofMinutes(2), Duration.ofDays(400), "gateway-a");
        MessageIds other = new MessageIds(database.dataSource(), clock, Duration.ofMinutes(2), Duration.ofDays(400), "gateway-b");
        clock.move(Duration.ofSeconds(1));

        assertThatThrownBy(() -> other.claim("example-school", "m-1", "r-3")).as("another instance cannot know the first run is gone")
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.getMessage()).contains("send it again in 110 seconds"));
        restarted.claim("example-school", "m-1", "r-4");
        assertThatThrownBy(() -> restarted.claim("example-school", "m-1", "r-5")).as("r-4's claim is this run's own")
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.getMessage()).contains("has not finished"));
        assertThatThrownBy(() -> other.claim("example-school", "m-1", "r-6"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.INTERNAL_ERROR));
        restarted.claim("example-school", "m-2", "r-7");
    }

    @Test
    void a_resend_after_the_lease_of_a_claim_cut_off_by_a_crash_takes_it_over() throws SQLException {
        ids.claim("example-school", "m-1", "r-1");
        clock.move(Duration.ofMinutes(3));

        ids.claim("example-school", "m-1", "r-2");
        accepted(database, ids, "example-school", "m-1", "r-2");

        assertThatThrownBy(() -> ids.claim("example-school", "m-1", "r-3"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.REPLAYED));
    }

    @Test
    void the_same_delivery_taken_up_again_after_a_restart_keeps_its_claim() throws SQLException {
        ids.claim("example-police", "m-1", "arrival-1");

        ids.claim("example-police", "m-1", "arrival-1");
        accepted(database, ids, "example-police", "m-1", "arrival-1");

        assertThatThrownBy(() -> ids.claim("example-police", "m-1", "r-2"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo(ReasonCodeType.REPLAYED));
    }

    @Test
    void the_same_delivery_taken_up_again_after_it_was_accepted_is_not_refused_as_its_own_replay() throws SQLException {
        ids.claim("example-police", "m-1", "arrival-1");
        accepted(database, ids, "example-police", "m-1", "arrival-1");

        ids.claim("example-police", "m-1", "arrival-1");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
