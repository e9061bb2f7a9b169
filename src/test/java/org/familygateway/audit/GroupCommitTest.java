package org.familygateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.familygateway.model.GroupCommit;
import org.familygateway.model.Headers;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Appends that each need their own transaction, written together while another batch holds the
 * writer: every caller gets its own committed entry at its own position, the log verifies, and a
 * bad entry fails only its caller.
 */
class GroupCommitTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void entries_queued_while_a_batch_is_written_commit_together_in_the_next_one(Kind kind) throws Exception {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 4); HeldFirstBatch group = new HeldFirstBatch(log)) {
            Future<AuditEvent> first = group.appendHeld(AuditLogFixture.step(0));
            List<Future<AuditEvent>> rest = group.queueBehind(IntStream.rangeClosed(1, 10).mapToObj(AuditLogFixture::step).toList());
            group.release();

            List<Long> positions = new ArrayList<>();
            positions.add(first.get(30, TimeUnit.SECONDS).position());
            for (int i = 0; i < rest.size(); i++) {
                AuditEvent event = rest.get(i).get(30, TimeUnit.SECONDS);
                assertThat(event.entry().receiptId()).isEqualTo("r-" + (i + 1));
                positions.add(event.position());
            }

            assertThat(group.batchSizes).containsExactly(1, 10);
            // what the metrics report of it: two transactions, eleven items, time spent in them
            assertThat(group.group.activity()).satisfies(activity -> {
                assertThat(activity.transactions()).isEqualTo(2);
                assertThat(activity.items()).isEqualTo(11);
                assertThat(activity.busyNanos()).isPositive();
            });
            assertThat(positions).doesNotHaveDuplicates().allMatch(p -> p >= 0 && p < 11);
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(11);
            // checkpoints every 4 entries still land at 4 and 8, though both were reached inside one batch
            assertThat(log.checkpoints.all()).extracting(Checkpoint::size).containsExactly(4L, 8L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void many_entries_of_one_caller_are_appended_in_order_a_few_transactions_in_all(Kind kind) throws Exception {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 100)) {
            List<AuditEntry> entries = IntStream.range(0, 600).mapToObj(AuditLogFixture::step).toList();

            List<AuditEvent> events = log.trail.append(entries);

            assertThat(events).extracting(AuditEvent::position).containsExactlyElementsOf(LongStream.range(0, 600).boxed().toList());
            assertThat(events).extracting(e -> e.entry().receiptId()).containsExactlyElementsOf(
                    IntStream.range(0, 600).mapToObj(i -> "r-" + i).toList());
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(600);
            assertThat(log.checkpoints.all()).extracting(Checkpoint::size).containsExactly(100L, 200L, 300L, 400L, 500L, 600L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_bad_entry_in_a_batch_fails_only_its_own_caller(Kind kind) throws Exception {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0); HeldFirstBatch group = new HeldFirstBatch(log)) {
            Future<AuditEvent> first = group.appendHeld(AuditLogFixture.step(0));
            // a reason code longer than its column (40): the database refuses the row
            AuditEntry tooLong = new AuditEntry(AuditEventType.REJECTED, "r-bad", "example-school", "SOAP", "m-bad", null,
                    "A_REASON_CODE_FAR_LONGER_THAN_ANY_THE_GATEWAY_HAS", "refused", null);
            List<Future<AuditEvent>> rest = group.queueBehind(List.of(AuditLogFixture.step(1), tooLong, AuditLogFixture.step(2)));
            group.release();

            assertThat(first.get(30, TimeUnit.SECONDS).entry().receiptId()).isEqualTo("r-0");
            assertThat(rest.get(0).get(30, TimeUnit.SECONDS).entry().receiptId()).isEqualTo("r-1");
            assertThat(rest.get(2).get(30, TimeUnit.SECONDS).entry().receiptId()).isEqualTo("r-2");
            assertThatThrownBy(() -> rest.get(1).get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("could not write the audit entry REJECTED for receipt r-bad");

            // the batch of three failed whole, then each was written alone
            assertThat(group.batchSizes).containsExactly(1, 3, 1, 1, 1);
            assertThat(group.group.activity().transactions()).as("every transaction tried is counted").isEqualTo(5);
            assertThat(group.group.activity().items()).isEqualTo(7);
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rows_recorded_with_an_entry_commit_with_it_or_not_at_all(Kind kind) throws Exception {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            log.sql("insert into message_id_claim (partner_id, sender_message_id, receipt_id, state, claimed_at) "
                    + "values ('example-school', 'm-1', 'r-1', 'PENDING', current_timestamp)");
            Map<String, Object> headers = Map.of(Headers.RECEIPT_ID, "r-1", Headers.PARTNER_ID, "example-school",
                    Headers.CHANNEL, "SOAP", Headers.SENDER_MESSAGE_ID, "m-1");

            assertThatThrownBy(() -> log.trail.record(AuditEventType.ACCEPTED, headers, connection -> {
                accept(connection);
                throw new SQLException("the usage report could not be written");
            })).hasMessageContaining("could not write the audit entry ACCEPTED for receipt r-1");
            assertThat(log.trail.forReceipt("r-1")).as("no entry without its rows").isEmpty();
            assertThat(log.sql("update message_id_claim set claimed_at = claimed_at where state = 'PENDING'")).as("the mark undone").isOne();

            log.trail.record(AuditEventType.ACCEPTED, headers, connection -> {
                accept(connection);
                return null;
            });
            assertThat(log.trail.forReceipt("r-1")).extracting(AuditEvent::type).containsExactly(AuditEventType.ACCEPTED);
            assertThat(log.sql("update message_id_claim set claimed_at = claimed_at where state = 'ACCEPTED'")).as("the mark kept").isOne();
        }
    }

    private static void accept(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update message_id_claim set state = 'ACCEPTED' where receipt_id = 'r-1'")) {
            update.executeUpdate();
        }
    }

    /**
     * A group commit on the fixture's log whose first batch is held open (its transaction begun, the
     * writer's lock taken) until the test releases it, so that entries can be queued behind it.
     */
    private static final class HeldFirstBatch implements AutoCloseable {
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
        private final ExecutorService callers = Executors.newCachedThreadPool();
        private final GroupCommit<AuditBatch.Item, AuditEvent> group;

        HeldFirstBatch(AuditLogFixture log) {
            group = AuditBatch.groupCommit(log.database.dataSource(), (connection, entries) -> {
                batchSizes.add(entries.size());
                if (batchSizes.size() == 1) {
                    awaitQuietly(firstBatchMayFinish);
                }
                return log.trail.append(connection, entries);
            });
        }

        /** Appends the entry that makes the first batch, and waits until that batch is being written. */
        Future<AuditEvent> appendHeld(AuditEntry entry) {
            Future<AuditEvent> appended = callers.submit(() -> group.submit(AuditBatch.Item.alone(entry)));
            await().atMost(Duration.ofSeconds(10)).until(() -> batchSizes.size() == 1);
            return appended;
        }

        /** Appends each entry from a thread of its own, and waits until every one of them waits for the writer. */
        List<Future<AuditEvent>> queueBehind(List<AuditEntry> entries) {
            List<Thread> waiting = new CopyOnWriteArrayList<>();
            List<Future<AuditEvent>> appended = new ArrayList<>();
            for (AuditEntry entry : entries) {
                appended.add(callers.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return group.submit(AuditBatch.Item.alone(entry));
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting.size() == entries.size()
                    && waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
            return appended;
        }

        void release() {
            firstBatchMayFinish.countDown();
        }

        @Override
        public void close() {
            release();
            callers.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
