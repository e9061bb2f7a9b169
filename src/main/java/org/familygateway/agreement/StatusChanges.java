package org.familygateway.agreement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Suspensions, resumptions and early ends of agreements made by command, kept in the database so
 * that every gateway instance sees them on its next message. Append-only; the latest change of an
 * agreement is in force. ACTIVE records a resumption: it lifts a command's suspension, never what
 * the agreement's file says. An ended agreement stays ended.
 */
public final class StatusChanges {

    /** One change: what, why, by whom, when. */
    public record Change(String agreementId, AgreementStatus status, String reason, String by, Instant at) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public StatusChanges(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records a change; refuses to resume or suspend an agreement a command has ended. */
    public Change record(String agreementId, AgreementStatus status, String reason, String by) {
        if (reason == null || reason.isBlank() || by == null || by.isBlank()) {
            throw new IllegalArgumentException("a change to an agreement needs a reason and who made it");
        }
        Change latest = latest().get(agreementId);
        if (latest != null && latest.status() == AgreementStatus.ENDED) {
            throw new IllegalStateException("the agreement " + agreementId + " was ended on " + latest.at() + "; an ended agreement stays ended");
        }
        Change change = new Change(agreementId, status, reason, by, clock.instant());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into agreement_status_change "
                     + "(agreement_id, status, reason, changed_by, changed_at) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, agreementId);
            insert.setString(2, status.name());
            insert.setString(3, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            insert.setString(4, by);
            insert.setTimestamp(5, Timestamp.from(change.at()));
            insert.executeUpdate();
            return change;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the change to agreement " + agreementId, e);
        }
    }

    /** The latest change of each agreement that has one. */
    public Map<String, Change> latest() {
        Map<String, Change> latest = new HashMap<>();
        for (Change change : query("select agreement_id, status, reason, changed_by, changed_at from agreement_status_change "
                + "where id in (select max(id) from agreement_status_change group by agreement_id)")) {
            latest.put(change.agreementId(), change);
        }
        return latest;
    }

    /** Every change, oldest first. */
    public List<Change> history() {
        return query("select agreement_id, status, reason, changed_by, changed_at from agreement_status_change order by id");
    }

    private List<Change> query(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            List<Change> changes = new ArrayList<>();
            while (rows.next()) {
                changes.add(new Change(rows.getString(1), AgreementStatus.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4),
                        rows.getTimestamp(5).toInstant()));
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the agreements' status changes", e);
        }
    }
}
