package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the index holds about people, read in the caller's transaction: their records (newest last),
 * and who was merged into whom by a reviewer.
 */
public final class People {

    private People() {
    }

    /** A person's records, oldest first by the date they say they are true from, then by arrival. */
    public static List<AgencyRecord> records(Connection connection, long personId) throws SQLException {
        List<AgencyRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + RecordTable.COLUMNS + " from agency_record where person_id = ? order by effective_from, id")) {
            select.setLong(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(RecordTable.read(rows).record());
                }
            }
        }
        return records;
    }

    /**
     * These people and everyone a reviewer merged into them (at any remove): evidence stored under a
     * merged person's old id still belongs to them.
     */
    public static Set<Long> withMergedInto(Connection connection, Collection<Long> personIds) throws SQLException {
        Set<Long> all = new LinkedHashSet<>(personIds);
        List<Long> frontier = new ArrayList<>(personIds);
        try (PreparedStatement select = connection.prepareStatement("select id from person where merged_into = ?")) {
            while (!frontier.isEmpty()) {
                List<Long> next = new ArrayList<>();
                for (long id : frontier) {
                    select.setLong(1, id);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            if (all.add(rows.getLong(1))) {
                                next.add(rows.getLong(1));
                            }
                        }
                    }
                }
                frontier = next;
            }
        }
        return all;
    }

    /** The person someone now is: themselves, or whoever a reviewer merged them into. */
    public static long current(Connection connection, long personId) throws SQLException {
        long id = personId;
        try (PreparedStatement select = connection.prepareStatement("select merged_into from person where id = ?")) {
            for (int hops = 0; hops < 100; hops++) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return id;
                    }
                    long into = rows.getLong(1);
                    if (rows.wasNull()) {
                        return id;
                    }
                    id = into;
                }
            }
        }
        throw new IllegalStateException("person " + personId + " was merged round in a circle");
    }
}
