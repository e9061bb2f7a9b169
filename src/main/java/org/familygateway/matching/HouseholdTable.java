package org.familygateway.matching;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Households and their members in the database. Which household an address belongs to is cached in
 * memory (loaded at start with the candidate index, or filled as addresses are met) so that matching
 * mostly asks the database only to write.
 */
final class HouseholdTable {

    private final Clock clock;
    private final IdBlocks ids = new IdBlocks(IdBlocks.HOUSEHOLDS);
    private final Map<String, Long> byKey = new HashMap<>();

    HouseholdTable(Clock clock) {
        this.clock = clock;
    }

    void load(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select id, uprn_key, address_key from household")) {
            while (rows.next()) {
                remember(rows.getLong(1), rows.getString(2), rows.getString(3));
            }
        }
    }

    /** The household of these premises, made if it is the first time anyone lives there. */
    long householdOf(Connection connection, Premises premises) throws SQLException {
        Long byUprn = premises.uprnKey() == null ? null : byKey.get(premises.uprnKey());
        if (byUprn != null) {
            return byUprn;
        }
        if (byUprn == null && !byKey.containsKey(premises.addressKey())) {
            findStored(connection, premises);
            byUprn = premises.uprnKey() == null ? null : byKey.get(premises.uprnKey());
            if (byUprn != null) {
                return byUprn;
            }
        }
        Long byAddress = premises.addressKey() == null ? null : byKey.get(premises.addressKey());
        if (byAddress != null) {
            if (premises.uprnKey() != null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update household set uprn_key = ? where id = ? and uprn_key is null")) {
                    update.setString(1, premises.uprnKey());
                    update.setLong(2, byAddress);
                    update.executeUpdate();
                }
                byKey.put(premises.uprnKey(), byAddress);
            }
            return byAddress;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into household (id, uprn_key, address_key, postcode, created_at) values (?, ?, ?, ?, ?)")) {
            long id = ids.next(connection);
            insert.setLong(1, id);
            insert.setString(2, premises.uprnKey());
            insert.setString(3, premises.addressKey());
            insert.setString(4, premises.postcode());
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            remember(id, premises.uprnKey(), premises.addressKey());
            return id;
        }
    }

    static PreparedStatement deleteStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("delete from household_member where person_id = ?");
    }

    static PreparedStatement memberStatement(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "insert into household_member (household_id, person_id, from_date, to_date, basis) values (?, ?, ?, ?, ?)");
    }

    /** Adds a person's memberships to a batch of the {@link #memberStatement}. */
    static void addMemberships(PreparedStatement insert, long personId, List<HouseholdHistory.Membership> memberships)
            throws SQLException {
        for (HouseholdHistory.Membership membership : memberships) {
            insert.setLong(1, membership.householdId());
            insert.setLong(2, personId);
            insert.setDate(3, Date.valueOf(membership.from()));
            Rows.setDate(insert, 4, membership.to());
            insert.setString(5, membership.basis());
            insert.addBatch();
        }
    }

    /** Replaces a person's memberships with the ones their records now give. */
    void replaceMemberships(Connection connection, long personId, List<HouseholdHistory.Membership> memberships) throws SQLException {
        try (PreparedStatement delete = deleteStatement(connection)) {
            delete.setLong(1, personId);
            delete.executeUpdate();
        }
        addMemberships(connection, personId, memberships);
    }

    /** Adds the memberships of a person who had none. */
    void addMemberships(Connection connection, long personId, List<HouseholdHistory.Membership> memberships) throws SQLException {
        try (PreparedStatement insert = memberStatement(connection)) {
            addMemberships(insert, personId, memberships);
            insert.executeBatch();
        }
    }

    /** Looks in the database for a household the cache does not know (another process may have made it). */
    private void findStored(Connection connection, Premises premises) throws SQLException {
        // two lookups rather than one "or": each uses its own index
        findStored(connection, "uprn_key", premises.uprnKey());
        findStored(connection, "address_key", premises.addressKey());
    }

    private void findStored(Connection connection, String column, String key) throws SQLException {
        if (key == null) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select id, uprn_key, address_key from household where " + column + " = ? order by id")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    remember(rows.getLong(1), rows.getString(2), rows.getString(3));
                }
            }
        }
    }

    private void remember(long id, String uprnKey, String addressKey) {
        if (uprnKey != null) {
            byKey.putIfAbsent(uprnKey, id);
        }
        if (addressKey != null) {
            byKey.putIfAbsent(addressKey, id);
        }
    }
}
