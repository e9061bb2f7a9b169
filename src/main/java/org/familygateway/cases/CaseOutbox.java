package org.familygateway.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The case versions waiting to be published to the family team's queue, oldest first. The
 * publisher (routes/cases-out.camel.yaml) sends each with its duplicate-detection id and then marks
 * it published; a version sent twice (a crash between the two, or two instances publishing at
 * once) reaches the family team once.
 */
public final class CaseOutbox {

    private final DataSource dataSource;
    private final Clock clock;

    public CaseOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Up to {@code most} versions not yet published, in the order they were made (a case's versions in order). */
    public List<CaseUpdate> pending(int most) {
        List<CaseUpdate> pending = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select case_id, version, status, issued_at, body from case_version "
                     + "where published_at is null order by issued_at, case_id, version")) {
            select.setMaxRows(most);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new CaseUpdate(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getTimestamp(4).toInstant(),
                            rows.getString(5).getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the case outbox", e);
        }
        return pending;
    }

    /** Marks a version published, once the broker has it. */
    public void published(String caseId, int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update case_version set published_at = ? where case_id = ? and version = ? and published_at is null")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, caseId);
            update.setInt(3, version);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark case " + caseId + " version " + version + " published", e);
        }
    }

    /** How many versions wait to be published (for metrics and the health check). */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from case_version where published_at is null");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the case outbox", e);
        }
    }
}
