package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for new people, records and households, reserved a hundred at a time from a database sequence
 * that steps by 100 (V3 creates them so), so that a batch of records can be written without asking
 * the database for each new id. Ids a process reserved but did not use are simply never used.
 */
final class IdBlocks {

    static final String PEOPLE = "person_ids";
    static final String RECORDS = "agency_record_ids";
    static final String HOUSEHOLDS = "household_ids";

    private static final int BLOCK = 100;

    private final String sequence;
    private long next;
    private long end;

    IdBlocks(String sequence) {
        this.sequence = sequence;
    }

    long next(Connection connection) throws SQLException {
        if (next >= end) {
            try (PreparedStatement select = connection.prepareStatement("select nextval('" + sequence + "')");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                next = rows.getLong(1);
                end = next + BLOCK;
            }
        }
        return next++;
    }
}
