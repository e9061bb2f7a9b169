package org.familygateway.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.familygateway.model.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case versions waiting to be published to the family team's queue, oldest first. The
 * publisher (routes/cases-out.camel.yaml) sends each with its duplicate-detection id and then marks
 * it published; a version sent again after a crash between the two reaches the family team once.
 *
 * <p>Where several instances share the database, one publishes at a time: it holds a lease on the
 * case_publisher row, renewed before every send, and the others' publishers find nothing to do
 * until it lapses ({@link #LEASE} after the holder's last send or poll: it stopped or died). The
 * broker's duplicate detection catches a version sent again after the sender died, but not two
 * sends of it at the same moment from two instances (each is checked before the other commits).
 */
public final class CaseOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(CaseOutbox.class);

    /** How long a publisher's lease lasts after its last renewal. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    /**
     * How long after a renewal a send goes without renewing again: the lease then still has at
     * least 25 s to run, so no other instance can have taken it, and a burst of sends costs one
     * write of the lease every 5 s rather than one per version.
     */
    static final Duration RENEW_AFTER = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Clock clock;
    private final String instance;
    /** When this instance last took or renewed the lease; null when it does not hold it. */
    private volatile Instant renewed;
    /** Whether the database was found closed by the JVM's shutdown (said once in the log). */
    private volatile boolean stopping;

    /** An outbox under a name of its own (a publisher that never restarts: tests, tools). */
    public CaseOutbox(DataSource dataSource, Clock clock) {
        this(dataSource, clock, "gateway-" + UUID.randomUUID());
    }

    /**
     * @param instance this gateway instance's name, the same across its restarts, so that a restarted
     *                 publisher takes its lease up again at once instead of waiting for it to lapse
     */
    public CaseOutbox(DataSource dataSource, Clock clock, String instance) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * The versions to publish now, up to {@code most}, if this instance holds (or has just taken)
     * the publisher's lease; none if another instance holds it. With nothing pending the lease is
     * left alone, so an idle gateway does not write every time it looks.
     */
    public List<CaseUpdate> claim(int most) {
        try {
            List<CaseUpdate> pending = pending(most);
            return pending.isEmpty() || !holdLease() ? List.of() : pending;
        } catch (IllegalStateException e) {
            if (!Transactions.closedAtShutdown(e)) {
                throw e;
            }
            if (!stopping) {
                stopping = true;
                LOG.info("the database has closed as the gateway stops; case versions not yet published go out at the next start");
            }
            return List.of();
        }
    }

    /**
     * Before each send: renews this instance's lease (unless it did so within {@link #RENEW_AFTER}),
     * or throws if another instance has taken it over (this one was stopped past its lease, by a
     * long pause or a lost database): it must not send what the other is sending.
     */
    public void confirmPublisher() {
        Instant last = renewed;
        if (last != null && clock.instant().isBefore(last.plus(RENEW_AFTER))) {
            return;
        }
        if (!holdLease()) {
            throw new IllegalStateException("another gateway instance publishes the case outbox now (this one went " + LEASE.toSeconds()
                    + " s without renewing its lease); this one stops sending");
        }
    }

    /** Takes the lease if it is free or lapsed, or renews it if this instance holds it; true if it does. */
    boolean holdLease() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update case_publisher set instance = ?, lease_until = ? "
                     + "where id = 1 and (instance = ? or instance is null or lease_until < ?)")) {
            update.setString(1, instance);
            update.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
            update.setString(3, instance);
            update.setTimestamp(4, Timestamp.from(now));
            boolean held = update.executeUpdate() == 1;
            renewed = held ? now : null;
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take or renew the case publisher's lease", e);
        }
    }

    /**
     * Removes unpublished case versions beyond the version their household's case has reached. The
     * household step writes both in one transaction, so such a version was left by one that never
     * committed (the embedded database can leave some after the process is killed); publishing it
     * would send the family team a version the gateway never decided, and the step would later
     * fail to write that version number. Run at start-up, before the publisher; returns how many.
     */
    public static int discardVersionsBeyondCases(DataSource dataSource) {
        String beyond = "version > coalesce((select c.version from household_case c where c.case_id = %s.case_id), 0)";
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> {
                // and any waiting row whose version is gone (a torn commit keeps one page and not the other)
                try (PreparedStatement waiting = c.prepareStatement("delete from case_outbox where " + beyond.formatted("case_outbox")
                        + " or not exists (select 1 from case_version v where v.case_id = case_outbox.case_id and v.version = case_outbox.version)");
                     PreparedStatement versions = c.prepareStatement("delete from case_version where " + beyond.formatted("case_version"))) {
                    waiting.executeUpdate();
                    return versions.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove case versions beyond their case", e);
        }
    }

    /** Up to {@code most} versions not yet published, in the order they were made (a case's versions in order). */
    public List<CaseUpdate> pending(int most) {
        List<CaseUpdate> pending = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
              PreparedStatement select = connection.prepareStatement("select o.case_id, o.version, v.status, o.issued_at, v.body "
                     + "from case_outbox o join case_version v on v.case_id = o.case_id and v.version = o.version "
                     + "order by o.issued_at, o.case_id, o.version")) {
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

    /** Marks a version published, once the broker has it: it leaves the outbox. */
    public void published(String caseId, int version) {
        published(List.of(new CaseUpdate(caseId, version, null, null, null)));
    }

    /**
     * Marks versions published, once the broker has them all, in one commit: the publisher sends a
     * claim's versions and then marks them together, where a commit per version cost the embedded
     * database a store of its pages each time. A crash (or a failed send) before the mark sends the
     * claim's versions again, and the broker's duplicate detection drops the copies.
     */
    public void published(List<CaseUpdate> sent) {
        if (sent.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Transactions.inTransaction(connection, c -> {
                try (PreparedStatement delete = c.prepareStatement("delete from case_outbox where case_id = ? and version = ?")) {
                    for (CaseUpdate update : sent) {
                        delete.setString(1, update.caseId());
                        delete.setInt(2, update.version());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + sent.size() + " case version(s) published, the first case "
                    + sent.get(0).caseId() + " version " + sent.get(0).version(), e);
        }
    }

    /** How many versions wait to be published (for metrics and the health check). */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from case_outbox");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the case outbox", e);
        }
    }
}
