package org.familygateway.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.app.Database;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a household-step transaction cut off by a kill can leave in the embedded database (evidence
 * whose people were never written) is removed at start-up, so the redelivered message is taken in
 * afresh; evidence the step committed is never touched, on either database.
 */
class EvidenceLeftoversTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void committed_evidence_is_kept_whatever_it_names(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            try (Connection c = database.dataSource().getConnection()) {
                committed(c);
            }
            assertThat(EvidenceLeftovers.discard(database.dataSource())).isZero();
            try (Connection c = database.dataSource().getConnection()) {
                assertThat(messages(c)).containsExactly("referral-ok", "record-of-a-known-person", "record-waiting", "consent-naming-nobody");
                assertThat(count(c, "evidence_person")).isEqualTo(2);
                assertThat(count(c, "evidence_waiting")).isEqualTo(1);
            }
        }
    }

    @Test
    void evidence_naming_people_who_do_not_exist_is_removed_with_what_hangs_on_it() throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(Kind.H2, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            try (Connection c = database.dataSource().getConnection()) {
                committed(c);
                // as H2 can leave them after a kill: the evidence rows of a transaction, not its people
                try (Statement off = c.createStatement()) {
                    off.execute("set referential_integrity false");
                }
                long referral = evidence(c, "referral-cut-off", "REFERRAL", null);
                person(c, referral, "p1", 900);
                person(c, referral, "p2", 1);   // one of its people existed before, the other was new
                evidence(c, "referral-without-its-people", "REFERRAL", null);
                long record = evidence(c, "record-of-a-new-person", "RECORD", 901L);
                waiting(c, record, "ni:AB123456C");
                try (Statement on = c.createStatement()) {
                    on.execute("set referential_integrity true");
                }
            }

            assertThat(EvidenceLeftovers.discard(database.dataSource())).isEqualTo(3);

            try (Connection c = database.dataSource().getConnection()) {
                assertThat(messages(c)).containsExactly("referral-ok", "record-of-a-known-person", "record-waiting", "consent-naming-nobody");
                assertThat(count(c, "evidence_person")).isEqualTo(2);
                assertThat(count(c, "evidence_waiting")).isEqualTo(1);
            }
            assertThat(EvidenceLeftovers.discard(database.dataSource())).isZero();
        }
    }

    /** What the household step commits: a referral naming two people, records with and without their person, a consent update. */
    private static void committed(Connection c) throws SQLException {
        for (long id : List.of(1L, 2L)) {
            try (PreparedStatement insert = c.prepareStatement("insert into person (id, created_at) values (?, ?)")) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        }
        long referral = evidence(c, "referral-ok", "REFERRAL", null);
        person(c, referral, "p1", 1);
        person(c, referral, "p2", 2);
        evidence(c, "record-of-a-known-person", "RECORD", 2L);
        waiting(c, evidence(c, "record-waiting", "RECORD", null), "ni:ZZ999999Z");
        evidence(c, "consent-naming-nobody", "CONSENT", null);
    }

    private static long evidence(Connection c, String messageId, String kind, Long personId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into evidence (partner_id, agency, message_id, record_id, kind, action, "
                + "person_id, receipt_id, channel, received_at, body) values ('example-school', 'SCHOOL', ?, '-', ?, 'NEW', ?, 'r', 'SOAP', ?, '<x/>')",
                new String[] {"id"})) {
            insert.setString(1, messageId);
            insert.setString(2, kind);
            insert.setObject(3, personId);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void person(Connection c, long evidenceId, String ref, long personId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into evidence_person (evidence_id, member_ref, person_id) values (?, ?, ?)")) {
            insert.setLong(1, evidenceId);
            insert.setString(2, ref);
            insert.setLong(3, personId);
            insert.executeUpdate();
        }
    }

    private static void waiting(Connection c, long evidenceId, String key) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into evidence_waiting (evidence_id, identifier_key) values (?, ?)")) {
            insert.setLong(1, evidenceId);
            insert.setString(2, key);
            insert.executeUpdate();
        }
    }

    private static List<String> messages(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery("select message_id from evidence order by id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
