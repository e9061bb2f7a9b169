package org.familygateway.audit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.familygateway.model.GroupCommit;
import org.familygateway.model.Transactions;

/**
 * Writes and reads audit entries in the gateway's database. Routes call {@link #record} with the
 * message's headers, which by design hold no personal data.
 *
 * <p>Each entry is sealed as it is written: it takes the next position of the Merkle tree under
 * the head's lock, and the row, its subjects, the new head and (every N entries) a signed
 * checkpoint commit in one transaction. A crash before the commit leaves none of them; after it,
 * all of them.
 */
public final class AuditTrail {

    private static final String COLUMNS = EntryStore.COLUMNS;

    private final DataSource dataSource;
    private final Clock clock;
    private final Checkpoints checkpoints;
    private final SecureRandom random = new SecureRandom();
    private final GroupCommit<AuditBatch.Item, AuditEvent> groupCommit;
    private final DeferredEntries deferred;
    private final List<StepObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of every step a route records, once it is written (metrics count them); must be quick and must not throw. */
    @FunctionalInterface
    public interface StepObserver {
        void recorded(AuditEventType type, Map<String, Object> headers);
    }

    /** A trail that signs no checkpoints by itself (a command-line reader, a test). */
    public AuditTrail(DataSource dataSource, Clock clock) {
        this(dataSource, clock, null);
    }

    public AuditTrail(DataSource dataSource, Clock clock, Checkpoints checkpoints) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.groupCommit = AuditBatch.groupCommit(dataSource, this::append);
        this.deferred = new DeferredEntries(groupCommit, this::committed);
    }

    /** Records a step from the headers a message carries; routes call this. */
    public void record(AuditEventType type, Map<String, Object> headers) {
        record(type, headers, null);
    }

    /**
     * Records a step, and writes rows of it (its database side) in the same transaction as its
     * entry, before it: both commit, or neither does. Rows that fail fail the step, with their error.
     * Without rows (null), the entry alone. Entries of the delivery's earlier steps that were
     * deferred go first, in the same transaction.
     */
    public void record(AuditEventType type, Map<String, Object> headers, Transactions.Work<?> rows) {
        deferred.appendAfter(AuditEntry.fromHeaders(type, headers), rows);
        committed(type, headers);
    }

    /**
     * Records a step that needs no commit of its own, such as SIGNATURE_VERIFIED on the way to
     * VALIDATED: its entry is written with its delivery's next entry (the same receipt id), just
     * before it and in its transaction, or on its own by {@link #flushDeferred} if none follows.
     */
    public void defer(AuditEventType type, Map<String, Object> headers) {
        deferred.add(AuditEntry.fromHeaders(type, headers), headers);
    }

    /** Defers an entry made without headers (a request's RECEIVED, before it has any); as {@link #defer(AuditEventType, Map)}. */
    public void defer(AuditEntry entry) {
        deferred.add(entry, null);
    }

    /**
     * Writes, each delivery's in a transaction of its own, the deferred entries that have waited
     * longer than the time given for a next entry that has not come; returns how many. Run now and
     * then, and with no wait (zero) once the intakes have stopped.
     */
    public int flushDeferred(Duration waitedLongerThan) {
        return deferred.flush(waitedLongerThan);
    }

    /** The log's own commits so far (group commit: one at a time): how many, the entries' items in them, the time in them. */
    public GroupCommit.Activity commits() {
        return groupCommit.activity();
    }

    /** How many deferred entries wait for their delivery's next entry. */
    public int deferredWaiting() {
        return deferred.size();
    }

    /** Tells the observers of a step whose entry was appended in a caller's transaction, once that committed. */
    public void committed(AuditEventType type, Map<String, Object> headers) {
        for (StepObserver observer : observers) {
            observer.recorded(type, headers);
        }
    }

    public void observe(StepObserver observer) {
        observers.add(observer);
    }

    /**
     * Appends an entry in a transaction of its own, committed before this returns. Concurrent
     * callers' entries share a transaction (group commit), each still returning only once its own
     * entry is written.
     */
    public AuditEvent append(AuditEntry entry) {
        return deferred.appendAfter(entry, null);
    }

    /**
     * Appends entries in order, in transactions of their own of up to {@value AuditBatch#MAX_ENTRIES}
     * entries each, all committed before this returns: a share's rejected records (up to thousands)
     * take a few commits, not one each.
     */
    public List<AuditEvent> append(List<AuditEntry> entries) {
        List<AuditEvent> events = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return events;
        }
        // the first goes through the group commit, after the delivery's deferred entries; the rest follow in order
        events.add(deferred.appendAfter(entries.get(0), null));
        for (int from = 1; from < entries.size(); from += AuditBatch.MAX_ENTRIES) {
            List<AuditEntry> batch = entries.subList(from, Math.min(entries.size(), from + AuditBatch.MAX_ENTRIES));
            try (Connection connection = dataSource.getConnection()) {
                events.addAll(Transactions.inTransaction(connection, c -> append(c, batch)));
            } catch (SQLException e) {
                throw new IllegalStateException("could not write " + batch.size() + " audit entries from " + batch.get(0).type()
                        + " for receipt " + batch.get(0).receiptId(), e);
            }
        }
        return events;
    }

    /**
     * Appends an entry inside the caller's transaction, so that a step and its entry commit
     * together. The head stays locked until that transaction ends: append last, commit soon. Deferred
     * entries do not come with it: these are steps of work other than a delivery's intake.
     */
    public AuditEvent append(Connection connection, AuditEntry entry) throws SQLException {
        return append(connection, List.of(entry)).get(0);
    }

    /** Appends entries in order inside the caller's transaction, locking the head once for all of them. */
    public List<AuditEvent> append(Connection connection, List<AuditEntry> entries) throws SQLException {
        Frontier tree = LogHead.lock(connection);
        List<AuditEvent> events = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            byte[] salt = new byte[EntryEncoding.SALT_BYTES];
            random.nextBytes(salt);
            byte[] commitment = EntryEncoding.commitment(salt, entry);
            // the time is taken under the lock, so that positions and times agree across instances
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long position = tree.size();
            byte[] leaf = EntryEncoding.leafHash(position, at, entry, commitment);
            long id = EntryStore.insert(connection, position, at, entry, salt, commitment, leaf);
            tree.add(leaf);
            if (checkpoints != null) {
                checkpoints.afterAppend(connection, tree);
            }
            events.add(new AuditEvent(id, position, at, entry, false));
        }
        LogHead.update(connection, tree);
        return events;
    }

    /**
     * Seals entries written before the log was a tree (the Foundation's, migrated from V1) into it,
     * in the order they were written. Only while the tree is still empty: a row without a position
     * that appears later was not written by the gateway, and verification reports it.
     */
    public int sealEntriesFromBeforeTheTree() {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> {
                Frontier tree = LogHead.lock(c);
                int sealed = tree.size() == 0 ? LegacyEntries.seal(c, tree, random) : 0;
                LogHead.update(c, tree);
                return sealed;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not seal the earlier audit entries", e);
        }
    }

    /**
     * Removes what the log's head does not include: entries (with their subjects) at or beyond its
     * size, and checkpoints of a larger tree. A committed append always moves the head in the same
     * transaction, so such rows are left by a transaction that never committed; the embedded
     * database (H2) can leave some after the process is killed mid-transaction, and the next append
     * would then find its position taken and fail, every time. Run at start-up, before anything
     * appends; returns how many entries were removed.
     */
    public int discardEntriesBeyondHead() {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> {
                long size = LogHead.lock(c).size();
                try (PreparedStatement subjects = c.prepareStatement(
                        "delete from audit_subject where event_id in (select id from audit_event where leaf_index >= ?)");
                     PreparedStatement events = c.prepareStatement("delete from audit_event where leaf_index >= ?");
                     PreparedStatement signed = c.prepareStatement("delete from audit_checkpoint where tree_size > ?")) {
                    subjects.setLong(1, size);
                    subjects.executeUpdate();
                    events.setLong(1, size);
                    int removed = events.executeUpdate();
                    signed.setLong(1, size);
                    signed.executeUpdate();
                    return removed;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the audit entries beyond the log's head", e);
        }
    }

    /** Every entry about one delivery, oldest first. */
    public List<AuditEvent> forReceipt(String receiptId) {
        return query("select " + COLUMNS + " from audit_event where receipt_id = ? order by leaf_index", receiptId);
    }

    /** The newest entries, newest first. */
    public List<AuditEvent> latest(int limit) {
        return query("select " + COLUMNS + " from audit_event order by leaf_index desc fetch first " + Math.max(1, limit) + " rows only");
    }

    /** How many entries the log holds, by its head. */
    public long size() {
        try (Connection connection = dataSource.getConnection()) {
            return LogHead.read(connection).size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private List<AuditEvent> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return EntryStore.events(connection, sql, List.of(parameters));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    /** The V1 rows, which have no position yet. */
    private static final class LegacyEntries {

        static int seal(Connection connection, Frontier tree, SecureRandom random) throws SQLException {
            List<SealedRow> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from audit_event where leaf_index is null order by id");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(EntryStore.row(result, List.of()));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update audit_event set leaf_index = ?, "
                    + "details_salt = ?, details_commitment = ?, leaf_hash = ? where id = ?")) {
                for (SealedRow row : rows) {
                    byte[] salt = new byte[EntryEncoding.SALT_BYTES];
                    random.nextBytes(salt);
                    byte[] commitment = EntryEncoding.commitment(salt, row.event().entry());
                    long position = tree.size();
                    byte[] leaf = EntryEncoding.leafHash(position, row.event().occurredAt(), row.event().entry(), commitment);
                    tree.add(leaf);
                    update.setLong(1, position);
                    update.setString(2, TreeHash.hex(salt));
                    update.setString(3, TreeHash.hex(commitment));
                    update.setString(4, TreeHash.hex(leaf));
                    update.setLong(5, row.event().id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return rows.size();
        }
    }
}
