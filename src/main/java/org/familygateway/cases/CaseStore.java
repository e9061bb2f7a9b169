package org.familygateway.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The household_case, case_version and household_step tables, in the caller's transaction. */
final class CaseStore {

    /** Where a household's case stands: the last version made (0: none yet) and what it said. */
    record State(long householdId, String caseId, int version, String status, String outcome, String fingerprint,
            LocalDate reviewOn, LocalDate withdrawnOn) {

        boolean sent() {
            return version > 0;
        }

        boolean withdrawn() {
            return withdrawnOn != null;
        }
    }

    private CaseStore() {
    }

    /**
     * Takes the household step's lock (one transaction at a time across every instance) and says
     * whether another instance (or a reviewer's command) wrote since this instance last did.
     */
    static boolean lockStep(Connection connection, String instance, Instant now) throws SQLException {
        String last;
        try (PreparedStatement select = connection.prepareStatement("select instance from household_step where id = 1 for update");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the household_step row is missing: the database was not migrated");
            }
            last = rows.getString(1);
        }
        try (PreparedStatement update = connection.prepareStatement("update household_step set instance = ?, written_at = ? where id = 1")) {
            update.setString(1, instance);
            update.setTimestamp(2, Timestamp.from(now));
            update.executeUpdate();
        }
        return last != null && !last.equals(instance);
    }

    static Optional<State> state(Connection connection, long householdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select household_id, case_id, version, status, outcome, fingerprint, "
                + "review_on, withdrawn_on from household_case where household_id = ?")) {
            select.setLong(1, householdId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    static Optional<State> byCaseId(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select household_id, case_id, version, status, outcome, fingerprint, "
                + "review_on, withdrawn_on from household_case where case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Households whose decision may have changed by this day as their evidence aged. */
    static List<Long> dueForReview(Connection connection, LocalDate day, int most) throws SQLException {
        List<Long> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select household_id from household_case where review_on <= ? and withdrawn_on is null order by review_on")) {
            select.setDate(1, Date.valueOf(day));
            select.setMaxRows(most);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getLong(1));
                }
            }
        }
        return due;
    }

    static void save(Connection connection, State state, Instant now) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement("update household_case set version = ?, status = ?, outcome = ?, "
                + "fingerprint = ?, review_on = ?, withdrawn_on = ?, updated_at = ? where household_id = ?")) {
            update.setInt(1, state.version());
            update.setString(2, state.status());
            update.setString(3, state.outcome());
            update.setString(4, state.fingerprint());
            update.setDate(5, state.reviewOn() == null ? null : Date.valueOf(state.reviewOn()));
            update.setDate(6, state.withdrawnOn() == null ? null : Date.valueOf(state.withdrawnOn()));
            update.setTimestamp(7, Timestamp.from(now));
            update.setLong(8, state.householdId());
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement insert = connection.prepareStatement("insert into household_case (household_id, case_id, version, status, "
                    + "outcome, fingerprint, review_on, withdrawn_on, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, state.householdId());
                insert.setString(2, state.caseId());
                insert.setInt(3, state.version());
                insert.setString(4, state.status());
                insert.setString(5, state.outcome());
                insert.setString(6, state.fingerprint());
                insert.setDate(7, state.reviewOn() == null ? null : Date.valueOf(state.reviewOn()));
                insert.setDate(8, state.withdrawnOn() == null ? null : Date.valueOf(state.withdrawnOn()));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
    }

    static void addVersion(Connection connection, CaseUpdate update) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into case_version (case_id, version, status, issued_at, body) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, update.caseId());
            insert.setInt(2, update.version());
            insert.setString(3, update.status());
            insert.setTimestamp(4, Timestamp.from(update.issuedAt()));
            insert.setString(5, new String(update.xml(), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        try (PreparedStatement outbox = connection.prepareStatement("insert into case_outbox (case_id, version, issued_at) values (?, ?, ?)")) {
            outbox.setString(1, update.caseId());
            outbox.setInt(2, update.version());
            outbox.setTimestamp(3, Timestamp.from(update.issuedAt()));
            outbox.executeUpdate();
        }
    }

    /** A version as it was made, to send again. */
    static Optional<CaseUpdate> version(Connection connection, String caseId, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select case_id, version, status, issued_at, body from case_version where case_id = ? and version = ?")) {
            select.setString(1, caseId);
            select.setInt(2, version);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CaseUpdate(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getTimestamp(4).toInstant(),
                        rows.getString(5).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static State read(ResultSet rows) throws SQLException {
        Date review = rows.getDate(7);
        Date withdrawn = rows.getDate(8);
        return new State(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getString(4), rows.getString(5), rows.getString(6),
                review == null ? null : review.toLocalDate(), withdrawn == null ? null : withdrawn.toLocalDate());
    }
}
