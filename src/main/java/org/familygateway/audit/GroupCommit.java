package org.familygateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.familygateway.model.Transactions;

/**
 * Appends that each need a transaction of their own, written together: concurrent callers queue
 * their entries, and whichever of them next holds the writer's lock writes every queued entry in
 * one transaction (one lock of the log's head, one commit) and hands each caller its own event.
 * A caller returns only once its entry has committed, exactly as if it had written it alone; a lone
 * caller writes at once (no waiting for company). This is group commit: under load the head is
 * locked once per batch instead of once per entry, which is what bounded intake throughput (every
 * SOAP message appends five entries).
 *
 * <p>If a batch fails, its entries are written again one by one, so a bad entry fails only its own
 * caller.
 */
final class GroupCommit {

    /** Writes entries in the transaction it is given, in order, returning their events. */
    @FunctionalInterface
    interface Writer {
        List<AuditEvent> write(Connection connection, List<AuditEntry> entries) throws SQLException;
    }

    private static final int MAX_BATCH = 256;

    private final DataSource dataSource;
    private final Writer writer;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    GroupCommit(DataSource dataSource, Writer writer) {
        this.dataSource = dataSource;
        this.writer = writer;
    }

    AuditEvent append(AuditEntry entry) {
        Pending mine = new Pending(entry);
        queue.add(mine);
        while (!mine.result.isDone()) {
            writing.lock();
            try {
                if (!mine.result.isDone()) {
                    writeQueued();
                }
            } finally {
                writing.unlock();
            }
        }
        try {
            return mine.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the audit entry " + entry.type(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<AuditEvent> events = inOneTransaction(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result.complete(events.get(i));
            }
        } catch (RuntimeException whole) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(whole);
                return;
            }
            for (Pending p : batch) {
                try {
                    p.result.complete(inOneTransaction(List.of(p)).get(0));
                } catch (RuntimeException alone) {
                    p.result.completeExceptionally(alone);
                }
            }
        }
    }

    private List<AuditEvent> inOneTransaction(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> writer.write(c, batch.stream().map(p -> p.entry).toList()));
        } catch (SQLException e) {
            AuditEntry first = batch.get(0).entry;
            throw new IllegalStateException("could not write the audit entry " + first.type() + " for receipt " + first.receiptId()
                    + (batch.size() > 1 ? " (with " + (batch.size() - 1) + " other entries)" : ""), e);
        }
    }

    private static final class Pending {
        final AuditEntry entry;
        final CompletableFuture<AuditEvent> result = new CompletableFuture<>();

        Pending(AuditEntry entry) {
            this.entry = entry;
        }
    }
}
