package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sealed entries in tree order, each with its subjects, without holding the log in
 * memory: two cursors ordered by position (entries, and subjects joined to their entry) are merged.
 */
final class SealedRows {

    interface Visitor {
        /** Returns false to stop reading. */
        boolean visit(SealedRow row);
    }

    /** A row that is not an entry the gateway could have written (unknown type, a raw identifier as subject). */
    static final class Unreadable extends RuntimeException {
        final long position;

        Unreadable(long position, long id, String reason) {
            super("entry " + position + " (id " + id + ") cannot be read: " + reason);
            this.position = position;
        }
    }

    private static final int FETCH = 500;

    private SealedRows() {
    }

    /** Visits the entries at positions below {@code limit}, in order. */
    static void read(Connection connection, long limit, Visitor visitor) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        }
        try (PreparedStatement entries = connection.prepareStatement("select " + EntryStore.COLUMNS
                + " from audit_event where leaf_index is not null and leaf_index < ? order by leaf_index");
             PreparedStatement subjects = connection.prepareStatement("select e.leaf_index, s.pseudonym from audit_subject s "
                     + "join audit_event e on e.id = s.event_id where e.leaf_index < ? order by e.leaf_index, s.pseudonym")) {
            entries.setLong(1, limit);
            entries.setFetchSize(FETCH);
            subjects.setLong(1, limit);
            subjects.setFetchSize(FETCH);
            try (ResultSet rows = entries.executeQuery(); ResultSet subjectRows = subjects.executeQuery()) {
                boolean moreSubjects = subjectRows.next();
                while (rows.next()) {
                    long position = rows.getLong(2);
                    List<String> pseudonyms = new ArrayList<>();
                    while (moreSubjects && subjectRows.getLong(1) <= position) {
                        if (subjectRows.getLong(1) == position) {
                            pseudonyms.add(subjectRows.getString(2));
                        }
                        moreSubjects = subjectRows.next();
                    }
                    SealedRow row;
                    try {
                        row = EntryStore.row(rows, pseudonyms);
                    } catch (IllegalArgumentException e) {
                        throw new Unreadable(position, rows.getLong(1), e.getMessage());
                    }
                    if (!visitor.visit(row)) {
                        return;
                    }
                }
            }
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** How many rows were never sealed into the tree (no position): none, in a log not tampered with. */
    static long unsealed(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from audit_event where leaf_index is null");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
