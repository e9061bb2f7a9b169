package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.familygateway.matching.AgencyRecord.Gender;
import org.familygateway.matching.AgencyRecord.LocalId;

/** Agency records in the database: each one version of a person's name, birth date and address. */
final class RecordTable {

    /** Address lines are stored as one column, separated by this (a character no address holds). */
    private static final String LINE_BREAK = "\n";

    static final String COLUMNS = "id, person_id, source_partner, local_system, local_id, forename, middle_names, surname, "
            + "date_of_birth, gender, upn, ni_number, nhs_number, address_lines, postcode, uprn, effective_from, declared_household";

    private RecordTable() {
    }

    /** A stored record and the person it is linked to now. */
    record Stored(long id, long personId, AgencyRecord record) {
    }

    static PreparedStatement insertStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("insert into agency_record (id, person_id, source_partner, local_system, local_id, forename, "
                + "middle_names, surname, date_of_birth, gender, upn, ni_number, nhs_number, address_lines, postcode, uprn, "
                + "effective_from, declared_household, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Adds a record to a batch of the {@link #insertStatement}. */
    static void addInsert(PreparedStatement insert, long id, long personId, AgencyRecord record, Instant receivedAt) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, personId);
        insert.setString(3, record.sourcePartner());
        insert.setString(4, record.localId() == null ? null : record.localId().system());
        insert.setString(5, record.localId() == null ? null : record.localId().value());
        insert.setString(6, record.forename());
        insert.setString(7, record.middleNames());
        insert.setString(8, record.surname());
        Rows.setDate(insert, 9, record.dateOfBirth());
        insert.setString(10, record.gender().name());
        insert.setString(11, record.upn());
        insert.setString(12, record.niNumber());
        insert.setString(13, record.nhsNumber());
        insert.setString(14, String.join(LINE_BREAK, record.addressLines()));
        insert.setString(15, record.postcode());
        insert.setString(16, record.uprn());
        Rows.setDate(insert, 17, record.effectiveFrom());
        insert.setString(18, record.declaredHousehold());
        insert.setTimestamp(19, Timestamp.from(receivedAt));
        insert.addBatch();
    }

    static void moveToPerson(Connection connection, long recordId, long personId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update agency_record set person_id = ? where id = ?")) {
            update.setLong(1, personId);
            update.setLong(2, recordId);
            update.executeUpdate();
        }
    }

    static Stored read(ResultSet rows) throws SQLException {
        String system = rows.getString(4);
        String lines = rows.getString(14);
        AgencyRecord record = new AgencyRecord(rows.getString(3), system == null ? null : new LocalId(system, rows.getString(5)),
                rows.getString(6), rows.getString(7), rows.getString(8), Rows.date(rows, 9), Gender.valueOf(rows.getString(10)),
                rows.getString(11), rows.getString(12), rows.getString(13),
                lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split(LINE_BREAK)),
                rows.getString(15), rows.getString(16), Rows.date(rows, 17), rows.getString(18));
        return new Stored(rows.getLong(1), rows.getLong(2), record);
    }

    static Stored byId(Connection connection, long recordId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from agency_record where id = ?")) {
            select.setLong(1, recordId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no agency record " + recordId);
                }
                return read(rows);
            }
        }
    }
}
