package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** People, the links of records to them with their evidence, and review items, in the database. */
final class LinkTables {

    private static final int MAX_EVIDENCE = 1000;

    private LinkTables() {
    }

    static long newPerson(Connection connection, IdBlocks ids, Instant now) throws SQLException {
        try (PreparedStatement insert = personStatement(connection)) {
            long id = addPerson(insert, ids.next(connection), now);
            insert.executeBatch();
            return id;
        }
    }

    static PreparedStatement personStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("insert into person (id, created_at) values (?, ?)");
    }

    /** Adds a new person to a batch of the {@link #personStatement}. */
    static long addPerson(PreparedStatement insert, long id, Instant now) throws SQLException {
        insert.setLong(1, id);
        insert.setTimestamp(2, Timestamp.from(now));
        insert.addBatch();
        return id;
    }

    static void markMerged(Connection connection, long personId, long intoId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update person set merged_into = ? where id = ?")) {
            update.setLong(1, intoId);
            update.setLong(2, personId);
            update.executeUpdate();
        }
    }

    static void link(Connection connection, long recordId, long personId, String method, Double score, String evidence,
            Instant now) throws SQLException {
        try (PreparedStatement insert = linkStatement(connection)) {
            addLink(insert, recordId, personId, method, score, evidence, now);
            insert.executeBatch();
        }
    }

    static PreparedStatement linkStatement(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "insert into record_link (record_id, person_id, method, score, evidence, linked_at) values (?, ?, ?, ?, ?, ?)");
    }

    /** Adds a link to a batch of the {@link #linkStatement}. */
    static void addLink(PreparedStatement insert, long recordId, long personId, String method, Double score, String evidence,
            Instant now) throws SQLException {
        insert.setLong(1, recordId);
        insert.setLong(2, personId);
        insert.setString(3, method);
        Rows.setDouble(insert, 4, score);
        insert.setString(5, clip(evidence));
        insert.setTimestamp(6, Timestamp.from(now));
        insert.addBatch();
    }

    /** Ends the current link of a record (it is being moved by a reviewer's decision). */
    static void endLink(Connection connection, long recordId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update record_link set ended_at = ? where record_id = ? and ended_at is null")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, recordId);
            update.executeUpdate();
        }
    }

    static PreparedStatement reviewStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("insert into review_item (record_id, candidate_person_id, score, evidence, status, "
                + "created_at) values (?, ?, ?, ?, 'OPEN', ?)");
    }

    /** Adds a review item to a batch of the {@link #reviewStatement}. */
    static void addReviewItem(PreparedStatement insert, long recordId, long candidateId, double score, String evidence, Instant now)
            throws SQLException {
        insert.setLong(1, recordId);
        insert.setLong(2, candidateId);
        insert.setDouble(3, Double.isInfinite(score) ? 0 : score);
        insert.setString(4, clip(evidence));
        insert.setTimestamp(5, Timestamp.from(now));
        insert.addBatch();
    }

    static String clip(String text) {
        return text == null || text.length() <= MAX_EVIDENCE ? text : text.substring(0, MAX_EVIDENCE);
    }
}
