package org.familygateway.matching;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.familygateway.matching.synthetic.Family;
import org.familygateway.matching.synthetic.TruePerson;
import org.familygateway.matching.synthetic.World;

/**
 * Fills an empty persistent index in bulk, for benchmarks only: one record per person, as a local
 * authority's register might hold them (clean names, their home at the start of 2019, a UPN for
 * children, an NI number for half the adults, an NHS number for a third of people), with their
 * household and its membership, as matching them one by one would have stored them. Ids are given
 * explicitly and the id sequences moved past them, so the gateway's own inserts carry on after.
 */
public final class BulkFill {

    private static final LocalDate AS_OF = LocalDate.of(2019, 1, 1);

    private BulkFill() {
    }

    public static long fill(DataSource dataSource, World world) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        long count = 0;
        long households = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement person = connection.prepareStatement("insert into person (id, created_at) values (?, ?)");
                 PreparedStatement household = connection.prepareStatement(
                         "insert into household (id, uprn_key, address_key, postcode, created_at) values (?, ?, ?, ?, ?)");
                 PreparedStatement member = HouseholdTable.memberStatement(connection);
                 PreparedStatement record = RecordTable.insertStatement(connection)) {
                for (Family family : world.families()) {
                    Family.Address home = family.homes().get(0).address();
                    Premises premises = Premises.of(List.of(home.line()), home.postcode(), home.uprn());
                    household.setLong(1, ++households);
                    household.setString(2, premises.uprnKey());
                    household.setString(3, premises.addressKey());
                    household.setString(4, premises.postcode());
                    household.setTimestamp(5, now);
                    household.addBatch();
                    for (TruePerson p : family.members()) {
                        count++;
                        person.setLong(1, count);
                        person.setTimestamp(2, now);
                        person.addBatch();
                        boolean adult = p.birthDate().plusYears(16).isBefore(AS_OF);
                        AgencyRecord register = new AgencyRecord("example-la", null, p.forename(), p.middleNames(), p.surname(),
                                p.birthDate(), p.gender(), adult ? null : p.upn(), adult && p.id() % 2 == 0 ? p.niNumber() : null,
                                p.id() % 3 == 0 ? p.nhsNumber() : null, List.of(home.line(), home.town()), home.postcode(), home.uprn(),
                                AS_OF, null);
                        RecordTable.addInsert(record, count, count, register, now.toInstant());
                        HouseholdTable.addMemberships(member, count,
                                List.of(new HouseholdHistory.Membership(households, AS_OF, null, HouseholdHistory.ADDRESS)));
                    }
                    if (households % 2000 == 0) {
                        flush(person, household, record, member);
                    }
                }
                flush(person, household, record, member);
            }
            try (Statement alter = connection.createStatement()) {
                alter.execute("alter sequence person_ids restart with " + (count + 1));
                alter.execute("alter sequence agency_record_ids restart with " + (count + 1));
                alter.execute("alter sequence household_ids restart with " + (households + 1));
            }
            connection.commit();
        }
        return count;
    }

    private static void flush(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
        }
    }
}
