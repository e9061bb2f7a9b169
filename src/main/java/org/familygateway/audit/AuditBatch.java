package org.familygateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.familygateway.model.GroupCommit;
import org.familygateway.model.Transactions;

/**
 * Entries that each need a transaction of their own, appended together in one (see
 * {@link GroupCommit}): under load the log's head is locked and committed once per batch instead of
 * once per entry, which is what bounded intake throughput (every SOAP message appends five entries).
 * An entry may bring rows of the step it records, written in the same transaction before it (the
 * replay guard's mark and the usage report with ACCEPTED), so that they and the entry commit
 * together or not at all.
 */
final class AuditBatch implements GroupCommit.Batch<AuditBatch.Item, AuditEvent> {

    /** Most entries appended in one transaction. */
    static final int MAX_ENTRIES = 256;

    /** Appends entries in order in the transaction it is given, returning their events. */
    @FunctionalInterface
    interface Writer {
        List<AuditEvent> write(Connection connection, List<AuditEntry> entries) throws SQLException;
    }

    /**
     * An entry, the rows (if any) written with it, and the entries of its delivery's earlier steps
     * that waited for it ({@link DeferredEntries}), appended just before it.
     */
    record Item(List<AuditEntry> before, AuditEntry entry, Transactions.Work<?> rows) {
        Item {
            before = List.copyOf(before);
        }

        Item(AuditEntry entry, Transactions.Work<?> rows) {
            this(List.of(), entry, rows);
        }

        static Item alone(AuditEntry entry) {
            return new Item(entry, null);
        }
    }

    private final DataSource dataSource;
    private final Writer writer;

    AuditBatch(DataSource dataSource, Writer writer) {
        this.dataSource = dataSource;
        this.writer = writer;
    }

    static GroupCommit<Item, AuditEvent> groupCommit(DataSource dataSource, Writer writer) {
        return new GroupCommit<>(MAX_ENTRIES, new AuditBatch(dataSource, writer));
    }

    @Override
    public List<AuditEvent> inOneTransaction(List<Item> items) {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> {
                for (Item item : items) {
                    if (item.rows() != null) {
                        item.rows().in(c);
                    }
                }
                // appended last: the log's head stays locked only until the commit
                List<AuditEntry> entries = new ArrayList<>();
                int[] own = new int[items.size()];
                for (int i = 0; i < items.size(); i++) {
                    entries.addAll(items.get(i).before());
                    own[i] = entries.size();
                    entries.add(items.get(i).entry());
                }
                List<AuditEvent> events = writer.write(c, entries);
                List<AuditEvent> each = new ArrayList<>(items.size());
                for (int i : own) {
                    each.add(events.get(i));
                }
                return each;
            });
        } catch (SQLException e) {
            List<AuditEntry> entries = items.stream().map(Item::entry).toList();
            AuditEntry first = entries.get(0);
            throw new IllegalStateException("could not write the audit entry " + first.type() + " for receipt " + first.receiptId()
                    + (entries.size() > 1 ? " (with " + (entries.size() - 1) + " other entries)" : ""), e);
        }
    }
}
