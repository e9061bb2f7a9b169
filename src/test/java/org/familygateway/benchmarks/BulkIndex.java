package org.familygateway.benchmarks;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.familygateway.matching.synthetic.Family;
import org.familygateway.matching.synthetic.TruePerson;
import org.familygateway.matching.synthetic.World;

/**
 * Fills an empty persistent index in bulk, for benchmarks only: one record per person, as a local
 * authority's register might hold them (clean names, their home at the start of 2019, a UPN for
 * children, an NI number for half the adults, an NHS number for a third of people). Ids are given
 * explicitly and the identity columns moved past them, so the gateway's own inserts carry on after.
 */
final class BulkIndex {

    private static final LocalDate AS_OF = LocalDate.of(2019, 1, 1);

    private BulkIndex() {
    }

    static long fill(DataSource dataSource, World world) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement person = connection.prepareStatement("insert into person (id, created_at) values (?, ?)");
                 PreparedStatement record = connection.prepareStatement("insert into agency_record (id, person_id, source_partner, "
                         + "forename, middle_names, surname, date_of_birth, gender, upn, ni_number, nhs_number, address_lines, postcode, "
                         + "uprn, effective_from, received_at) values (?, ?, 'example-la', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Family family : world.families()) {
                    Family.Address home = family.homes().get(0).address();
                    for (TruePerson p : family.members()) {
                        count++;
                        person.setLong(1, count);
                        person.setTimestamp(2, now);
                        person.addBatch();
                        boolean adult = p.birthDate().plusYears(16).isBefore(AS_OF);
                        record.setLong(1, count);
                        record.setLong(2, count);
                        record.setString(3, p.forename());
                        record.setString(4, p.middleNames());
                        record.setString(5, p.surname());
                        record.setDate(6, Date.valueOf(p.birthDate()));
                        record.setString(7, p.gender().name());
                        record.setString(8, adult ? null : p.upn());
                        record.setString(9, adult && p.id() % 2 == 0 ? p.niNumber() : null);
                        record.setString(10, p.id() % 3 == 0 ? p.nhsNumber() : null);
                        record.setString(11, home.line() + "\n" + home.town());
                        record.setString(12, home.postcode());
                        record.setString(13, home.uprn());
                        record.setDate(14, Date.valueOf(AS_OF));
                        record.setTimestamp(15, now);
                        record.addBatch();
                        if (count % 5000 == 0) {
                            person.executeBatch();
                            record.executeBatch();
                        }
                    }
                }
                person.executeBatch();
                record.executeBatch();
            }
            try (Statement alter = connection.createStatement()) {
                alter.execute("alter table person alter column id restart with " + (count + 1));
                alter.execute("alter table agency_record alter column id restart with " + (count + 1));
            }
            connection.commit();
        }
        return count;
    }
}
