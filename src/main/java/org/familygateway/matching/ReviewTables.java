package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.familygateway.model.Pseudonyms;

/** The review list's rows: items, decisions, and the people and records they point at. */
final class ReviewTables {

    private static final String ITEM_COLUMNS = "i.id, i.record_id, r.person_id, i.candidate_person_id, i.score, i.evidence, "
            + "i.status, i.created_at";

    private ReviewTables() {
    }

    static List<ReviewList.Item> items(DataSource dataSource, String condition) {
        String sql = "select " + ITEM_COLUMNS + " from review_item i join agency_record r on r.id = i.record_id " + condition;
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            List<ReviewList.Item> items = new ArrayList<>();
            while (rows.next()) {
                items.add(new ReviewList.Item(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getDouble(5),
                        rows.getString(6), rows.getString(7), rows.getTimestamp(8).toInstant()));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the review list", e);
        }
    }

    static List<ReviewList.Logged> decisions(DataSource dataSource, int limit) {
        String sql = "select id, decision, record_id, person_id, result_person_id, subject_pseudonym, decided_at, decided_by, reason "
                + "from match_decision order by id desc fetch first " + limit + " rows only";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            List<ReviewList.Logged> decisions = new ArrayList<>();
            while (rows.next()) {
                decisions.add(new ReviewList.Logged(new ReviewList.Decided(rows.getLong(1), rows.getString(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getString(6)), rows.getTimestamp(7).toInstant(), rows.getString(8),
                        rows.getString(9)));
            }
            return decisions;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the review decisions", e);
        }
    }

    /** The item, locked for the decision; refused unless it is still open. */
    static ReviewList.Item openItem(Connection connection, long itemId) throws SQLException {
        String sql = "select " + ITEM_COLUMNS + " from review_item i join agency_record r on r.id = i.record_id where i.id = ? for update";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, itemId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no review item " + itemId);
                }
                if (!"OPEN".equals(rows.getString(7))) {
                    throw new IllegalStateException("review item " + itemId + " is already " + rows.getString(7));
                }
                return new ReviewList.Item(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getDouble(5),
                        rows.getString(6), rows.getString(7), rows.getTimestamp(8).toInstant());
            }
        }
    }

    /** The person as they are now: following confirmed merges. */
    static long livePerson(Connection connection, long personId) throws SQLException {
        long current = personId;
        try (PreparedStatement select = connection.prepareStatement("select merged_into from person where id = ?")) {
            for (int hops = 0; hops < 1000; hops++) {
                select.setLong(1, current);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalArgumentException("no person " + current);
                    }
                    long into = rows.getLong(1);
                    if (rows.wasNull()) {
                        return current;
                    }
                    current = into;
                }
            }
        }
        throw new IllegalStateException("person " + personId + " was merged in a loop");
    }

    static List<RecordTable.Stored> recordsOf(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + RecordTable.COLUMNS + " from agency_record where person_id = ? order by id")) {
            select.setLong(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                List<RecordTable.Stored> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(RecordTable.read(rows));
                }
                return records;
            }
        }
    }

    static void setStatus(Connection connection, long itemId, String status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update review_item set status = ? where id = ?")) {
            update.setString(1, status);
            update.setLong(2, itemId);
            update.executeUpdate();
        }
    }

    /** Other open items of the same record are settled by a confirmation: they close. */
    static void closeOthers(Connection connection, long recordId, long confirmedItemId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update review_item set status = 'CLOSED' where record_id = ? and status = 'OPEN' and id <> ?")) {
            update.setLong(1, recordId);
            update.setLong(2, confirmedItemId);
            update.executeUpdate();
        }
    }

    static ReviewList.Decided recordDecision(Connection connection, Pseudonyms pseudonyms, Instant now, String decision, Long itemId,
            long recordId, long personId, long resultPersonId, String reviewer, String reason) throws SQLException {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review decision needs the reviewer's name");
        }
        String subject = pseudonyms.of(Pseudonyms.Kind.PERSON, String.valueOf(resultPersonId));
        try (PreparedStatement insert = connection.prepareStatement("insert into match_decision (decided_at, decision, review_item_id, "
                + "record_id, person_id, result_person_id, decided_by, reason, subject_pseudonym) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setString(2, decision);
            if (itemId == null) {
                insert.setNull(3, java.sql.Types.BIGINT);
            } else {
                insert.setLong(3, itemId);
            }
            insert.setLong(4, recordId);
            insert.setLong(5, personId);
            insert.setLong(6, resultPersonId);
            insert.setString(7, reviewer);
            insert.setString(8, LinkTables.clip(reason));
            insert.setString(9, subject);
            insert.executeUpdate();
            return new ReviewList.Decided(Rows.generatedId(insert), decision, recordId, personId, resultPersonId, subject);
        }
    }
}
