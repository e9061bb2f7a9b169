package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges the details of entries past their retention period: receipt, sender message and case
 * ids, the reason in words, the payload digest, the salt and the subjects. The frame and the
 * commitment stay, so the leaf, and the tree, still verify. Each batch and the RETENTION_PURGED
 * entry that records it commit together. An entry whose details no longer match its commitment is
 * left alone (purging it would hide the tampering) for verification to name.
 */
public final class RetentionPurge {

    /** What one run did. */
    public record Result(int purged, int refused) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final RetentionPolicy policy;
    private final Clock clock;

    public RetentionPurge(DataSource dataSource, AuditTrail audit, RetentionPolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    public Result run() {
        Instant now = clock.instant();
        int purged = 0;
        int refused = 0;
        long after = -1;
        try (Connection connection = dataSource.getConnection()) {
            for (List<SealedRow> batch; !(batch = candidates(connection, now, after)).isEmpty(); ) {
                after = batch.get(batch.size() - 1).event().position();
                List<SealedRow> expired = batch.stream()
                        .filter(r -> policy.expired(r.event().entry().agreementId(), r.event().occurredAt(), now)).toList();
                List<SealedRow> intact = expired.stream().filter(r -> Arrays.equals(r.currentCommitment(), r.commitment())).toList();
                refused += expired.size() - intact.size();
                if (!intact.isEmpty()) {
                    purge(connection, intact, now);
                    purged += intact.size();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge expired audit details", e);
        }
        if (refused > 0) {
            LOG.error("{} expired audit entries were not purged: their details no longer match what was sealed; run `audit verify`", refused);
        }
        return new Result(purged, refused);
    }

    private List<SealedRow> candidates(Connection connection, Instant now, long after) throws SQLException {
        List<SealedRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + EntryStore.COLUMNS + " from audit_event "
                + "where purged_at is null and leaf_index > ? and occurred_at < ? order by leaf_index fetch first " + BATCH + " rows only")) {
            select.setLong(1, after);
            select.setObject(2, EntryStore.utc(policy.earliestExpiry(now)));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(EntryStore.row(result, List.of()));
                }
            }
        }
        List<SealedRow> withSubjects = new ArrayList<>();
        for (SealedRow row : rows) {
            withSubjects.add(new SealedRow(new AuditEvent(row.event().id(), row.event().position(), row.event().occurredAt(),
                    row.event().entry().withSubjects(subjects(connection, row.event().id())), false), row.salt(), row.commitment(), row.leafHash()));
        }
        return withSubjects;
    }

    private void purge(Connection connection, List<SealedRow> rows, Instant now) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement clear = connection.prepareStatement("update audit_event set receipt_id = null, sender_message_id = null, "
                + "case_id = null, detail = null, payload_digest = null, details_salt = null, purged_at = ? where id = ? and purged_at is null");
             PreparedStatement forget = connection.prepareStatement("delete from audit_subject where event_id = ?")) {
            for (SealedRow row : rows) {
                clear.setObject(1, EntryStore.utc(now));
                clear.setLong(2, row.event().id());
                clear.addBatch();
                forget.setLong(1, row.event().id());
                forget.addBatch();
            }
            clear.executeBatch();
            forget.executeBatch();
            audit.append(connection, AuditEntry.byActor(AuditEventType.RETENTION_PURGED, "retention", null,
                    "purged the details of " + rows.size() + " entries from position " + rows.get(0).event().position()
                            + " to " + rows.get(rows.size() - 1).event().position()));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static List<String> subjects(Connection connection, long eventId) throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select pseudonym from audit_subject where event_id = ?")) {
            select.setLong(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
        }
        return subjects;
    }
}
