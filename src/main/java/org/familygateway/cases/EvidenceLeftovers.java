package org.familygateway.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.familygateway.model.Transactions;

/**
 * Removes evidence that a household-step transaction cut off by a kill left behind. The step writes
 * a message's evidence together with the people it names (their records, households and audit
 * entries) in one transaction, and people are never deleted, so evidence naming a person who does
 * not exist, or a referral naming nobody, was never committed: the embedded database (H2) can keep
 * part of a transaction the process was killed in. Left there, the redelivered message would find
 * "its evidence" and be taken for one taken in before, and its case never made (a crash-harness
 * run lost a referral so, BENCHMARKS.md). Removed, the redelivery takes the message in afresh.
 * Run at start-up, before the household step.
 */
public final class EvidenceLeftovers {

    private static final String CUT_OFF = "select e.id from evidence e where "
            + "(e.person_id is not null and not exists (select 1 from person p where p.id = e.person_id)) "
            + "or exists (select 1 from evidence_person ep where ep.evidence_id = e.id "
            + "and not exists (select 1 from person p where p.id = ep.person_id)) "
            + "or (e.kind = 'REFERRAL' and not exists (select 1 from evidence_person ep where ep.evidence_id = e.id))";

    private EvidenceLeftovers() {
    }

    /** Removes evidence (with the rows that hang on it) naming people who do not exist; returns how many pieces. */
    public static int discard(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(CUT_OFF); ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                for (String table : List.of("evidence_person", "evidence_waiting")) {
                    delete(c, "delete from " + table + " where evidence_id = ?", ids);
                }
                delete(c, "delete from evidence where id = ?", ids);
                return ids.size();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove evidence left by a transaction cut off", e);
        }
    }

    private static void delete(Connection connection, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
