package org.familygateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.familygateway.model.Headers;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Steps that need no commit of their own (a request RECEIVED, its signature verified) wait for their
 * delivery's next entry and are written just before it, in its transaction; nothing deferred is
 * ever lost, reordered or written twice.
 */
class DeferredEntriesTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deferred_steps_are_written_with_the_delivery_next_entry_before_it(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            log.trail.defer(received("r-1"));
            log.trail.defer(AuditEventType.SIGNATURE_VERIFIED, headers("r-1"));
            assertThat(log.trail.size()).as("nothing written yet").isZero();
            assertThat(log.trail.deferredWaiting()).isEqualTo(2);

            log.trail.record(AuditEventType.VALIDATED, headers("r-1"));

            assertThat(log.trail.forReceipt("r-1")).extracting(AuditEvent::type).containsExactly(
                    AuditEventType.RECEIVED, AuditEventType.SIGNATURE_VERIFIED, AuditEventType.VALIDATED);
            assertThat(log.trail.forReceipt("r-1")).extracting(AuditEvent::position).containsExactly(0L, 1L, 2L);
            assertThat(log.trail.deferredWaiting()).isZero();
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void another_delivery_entry_does_not_take_them(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            log.trail.defer(received("r-1"));

            log.trail.record(AuditEventType.VALIDATED, headers("r-2"));

            assertThat(log.trail.forReceipt("r-1")).isEmpty();
            assertThat(log.trail.deferredWaiting()).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void when_the_next_step_fails_they_go_with_the_step_after_it(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            log.trail.defer(received("r-1"));
            log.trail.defer(AuditEventType.SIGNATURE_VERIFIED, headers("r-1"));

            // VALIDATED fails with its rows (a replayed message id, say): none of the three is written
            assertThatThrownBy(() -> log.trail.record(AuditEventType.VALIDATED, headers("r-1"), connection -> {
                throw new SQLException("the claim could not be written");
            })).hasMessageContaining("could not write the audit entry VALIDATED for receipt r-1");
            assertThat(log.trail.size()).isZero();

            log.trail.record(AuditEventType.REJECTED, headers("r-1"));

            assertThat(log.trail.forReceipt("r-1")).extracting(AuditEvent::type).containsExactly(
                    AuditEventType.RECEIVED, AuditEventType.SIGNATURE_VERIFIED, AuditEventType.REJECTED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void entries_no_step_follows_are_written_on_their_own_once_they_have_waited(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            List<AuditEventType> told = new CopyOnWriteArrayList<>();
            log.trail.observe((type, headers) -> told.add(type));
            log.trail.defer(received("r-1"));
            log.trail.defer(AuditEventType.SIGNATURE_VERIFIED, headers("r-1"));

            assertThat(log.trail.flushDeferred(Duration.ofHours(1))).as("not waited long enough").isZero();
            assertThat(log.trail.size()).isZero();

            assertThat(log.trail.flushDeferred(Duration.ZERO)).isEqualTo(2);

            assertThat(log.trail.forReceipt("r-1")).extracting(AuditEvent::type).containsExactly(
                    AuditEventType.RECEIVED, AuditEventType.SIGNATURE_VERIFIED);
            assertThat(log.trail.deferredWaiting()).isZero();
            // observers hear of the step that came with headers (RECEIVED came without), once it is written
            assertThat(told).containsExactly(AuditEventType.SIGNATURE_VERIFIED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_share_rejected_records_come_after_its_deferred_steps(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            log.trail.defer(AuditEventType.SIGNATURE_VERIFIED, headers("r-1"));
            List<AuditEntry> records = List.of(rejectedRecord("r-1", 1), rejectedRecord("r-1", 2));

            log.trail.append(records);

            assertThat(log.trail.forReceipt("r-1")).extracting(e -> e.type() + " " + e.entry().detail()).containsExactly(
                    "SIGNATURE_VERIFIED null", "REJECTED record 1", "REJECTED record 2");
        }
    }

    /**
     * Many deliveries at once, each deferring two steps and then recording its third, while the
     * timed flush runs without waiting: every delivery's three entries are in the log once each, in
     * their order, and the log verifies.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrent_deliveries_and_flushes_lose_reorder_and_repeat_nothing(Kind kind) throws Exception {
        int deliveries = 300;
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 50)) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            AtomicBoolean flushing = new AtomicBoolean(true);
            Future<Integer> flusher = Executors.newSingleThreadExecutor().submit(() -> {
                int written = 0;
                while (flushing.get()) {
                    written += log.trail.flushDeferred(Duration.ZERO);
                }
                return written;
            });
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                String receipt = "r-" + i;
                done.add(callers.submit(() -> {
                    log.trail.defer(received(receipt));
                    log.trail.defer(AuditEventType.SIGNATURE_VERIFIED, headers(receipt));
                    log.trail.record(AuditEventType.VALIDATED, headers(receipt));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            flushing.set(false);
            int flushed = flusher.get(60, TimeUnit.SECONDS);
            callers.shutdown();

            assertThat(log.trail.deferredWaiting()).isZero();
            for (int i = 0; i < deliveries; i++) {
                assertThat(log.trail.forReceipt("r-" + i)).extracting(AuditEvent::type).as("receipt r-" + i).containsExactly(
                        AuditEventType.RECEIVED, AuditEventType.SIGNATURE_VERIFIED, AuditEventType.VALIDATED);
            }
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(3L * deliveries);
            // the flush ran against the deliveries; whether it wrote any of their steps on their own is the scheduler's choice
            assertThat(flushed).isBetween(0, 2 * deliveries);
        }
    }

    private static AuditEntry received(String receiptId) {
        return new AuditEntry(AuditEventType.RECEIVED, receiptId, null, "SOAP", null, null, null, null, "ab".repeat(32));
    }

    private static AuditEntry rejectedRecord(String receiptId, int position) {
        return new AuditEntry(AuditEventType.REJECTED, receiptId, "example-school", "SFTP", "m-1", null, "UPN_INVALID",
                "record " + position, "ab".repeat(32));
    }

    private static Map<String, Object> headers(String receiptId) {
        return Map.of(Headers.RECEIPT_ID, receiptId, Headers.PARTNER_ID, "example-school", Headers.CHANNEL, "SOAP",
                Headers.SENDER_MESSAGE_ID, "m-" + receiptId);
    }
}
