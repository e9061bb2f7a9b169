package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Reads households from the persistent index: who lived in a household on a date (the census
 * definition: people whose main address it was, and those a referral declared members), and a
 * person's memberships over time.
 */
public final class Households {

    /** One spell in one household; {@code to} is null while it lasts, and the spell ends the day before it. */
    public record Membership(long householdId, long personId, LocalDate from, LocalDate to, String basis) {
    }

    private final DataSource dataSource;

    public Households(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A person's households, earliest first. */
    public List<Membership> of(long personId) {
        return withConnection(connection -> of(connection, personId));
    }

    /** The same, read in the caller's transaction (which sees what it has written). */
    public List<Membership> of(Connection connection, long personId) throws SQLException {
        return query(connection, "where person_id = ? order by from_date", personId);
    }

    /** The household a person lives in on a date, read in the caller's transaction. */
    public Optional<Long> on(Connection connection, long personId, LocalDate date) throws SQLException {
        return of(connection, personId).stream().filter(m -> during(m, date)).map(Membership::householdId).findFirst();
    }

    /** Everyone in a household on a date, read in the caller's transaction. */
    public List<Long> members(Connection connection, long householdId, LocalDate date) throws SQLException {
        return query(connection, "where household_id = ? order by person_id", householdId).stream()
                .filter(m -> during(m, date)).map(Membership::personId).toList();
    }

    /** The household a person lived in on a date, if any is known. */
    public Optional<Long> on(long personId, LocalDate date) {
        return of(personId).stream().filter(m -> during(m, date)).map(Membership::householdId).findFirst();
    }

    /** Everyone in a household on a date. */
    public List<Long> members(long householdId, LocalDate date) {
        return withConnection(connection -> members(connection, householdId, date));
    }

    /** Everyone in a household on a date, with the day their spell there began, read in the caller's transaction. */
    public Map<Long, LocalDate> membersSince(Connection connection, long householdId, LocalDate date) throws SQLException {
        Map<Long, LocalDate> members = new LinkedHashMap<>();
        for (Membership m : query(connection, "where household_id = ? order by person_id", householdId)) {
            if (during(m, date)) {
                members.put(m.personId(), m.from());
            }
        }
        return members;
    }

    private static boolean during(Membership membership, LocalDate date) {
        return !date.isBefore(membership.from()) && (membership.to() == null || date.isBefore(membership.to()));
    }

    private interface Read<T> {
        T from(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Read<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            return read.from(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read households", e);
        }
    }

    private static List<Membership> query(Connection connection, String condition, long id) throws SQLException {
        String sql = "select household_id, person_id, from_date, to_date, basis from household_member " + condition;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<Membership> memberships = new ArrayList<>();
                while (rows.next()) {
                    memberships.add(new Membership(rows.getLong(1), rows.getLong(2), Rows.date(rows, 3), Rows.date(rows, 4),
                            rows.getString(5)));
                }
                return memberships;
            }
        }
    }
}
