package org.familygateway.trust;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * The replay guard: a partner's message id is claimed once, in the database, so a replay is caught
 * after a restart and by any gateway instance. The claim stays PENDING until the message is durable,
 * then becomes ACCEPTED. A PENDING claim older than the lease was left by a crash, and a resend may
 * take it over; a claim for a message that failed before it was accepted is released. A resend that
 * meets a PENDING claim within its lease is told to try again later, not that it is a replay: the
 * earlier delivery may yet fail (or was cut off by a crash before the message was durable), and a
 * partner told REPLAYED would never send it again. Should the earlier delivery have been durable after
 * all, the broker's duplicate detection on gateway.intake (partner, message id, chunk) drops the
 * taken-over copy, so the message is processed once either way.
 *
 * <p>Each claim names the gateway instance that made it. A PENDING claim its own instance made before
 * this run started was cut off by a stop or a crash: nothing is left to finish it, so a resend takes
 * it over at once instead of being told to wait out the lease. Another instance sharing the
 * database cannot know that, and waits out the lease as before.
 */
public final class MessageIds {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;
    private final Duration window;
    private final String instance;
    private final Instant started;

    /**
     * @param instance this gateway instance's name, the same after a restart (InstanceName)
     */
    public MessageIds(DataSource dataSource, Clock clock, Duration lease, Duration window, String instance) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lease = lease;
        this.window = window;
        this.instance = instance;
        // to the millisecond below, so that no claim of this run, stored to the microsecond, seems older
        this.started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Claims the id for this delivery; REPLAYED if the partner has used it already. */
    public void claim(String partnerId, String messageId, String receiptId) {
        try (Connection connection = dataSource.getConnection()) {
            claim(connection, partnerId, messageId, receiptId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the message id for replay", e);
        }
    }

    /**
     * Claims the id for this delivery in the caller's transaction (or alone, in auto-commit);
     * REPLAYED if the partner has used it already. Inside a transaction the insert runs after a
     * savepoint, so that finding the id taken (a unique violation, which on PostgreSQL aborts the
     * transaction) leaves the transaction usable for looking at the earlier claim.
     */
    public void claim(Connection connection, String partnerId, String messageId, String receiptId) throws SQLException {
        Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement("insert into message_id_claim "
                + "(partner_id, sender_message_id, receipt_id, state, claimed_at, claimed_by) values (?, ?, ?, 'PENDING', ?, ?)")) {
            insert.setString(1, partnerId);
            insert.setString(2, messageId);
            insert.setString(3, receiptId);
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.setString(5, instance);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            if (before != null) {
                connection.rollback(before);
            }
            takeOverOrRefuse(connection, partnerId, messageId, receiptId);
        }
    }

    private static final String ACCEPT = "update message_id_claim set state = 'ACCEPTED' where partner_id = ? and sender_message_id = ? "
            + "and receipt_id = ?";

    /** The message is durable: its id stays claimed for the replay window, once the caller's transaction commits. */
    public void accepted(Connection connection, String partnerId, String messageId, String receiptId) throws SQLException {
        update(connection, ACCEPT, partnerId, messageId, receiptId);
    }

    /** The message was not accepted after all: the partner may send it again with the same id. */
    public void release(String partnerId, String messageId, String receiptId) {
        update("delete from message_id_claim where partner_id = ? and sender_message_id = ? and receipt_id = ? and state = 'PENDING'",
                partnerId, messageId, receiptId);
    }

    /** Forgets ids older than the replay window (older signing times are refused anyway). */
    public int forgetExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from message_id_claim where claimed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(window)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget expired message ids", e);
        }
    }

    private void takeOverOrRefuse(Connection connection, String partnerId, String messageId, String receiptId) throws SQLException {
        try (PreparedStatement takeOver = connection.prepareStatement("update message_id_claim "
                + "set receipt_id = ?, claimed_at = ?, claimed_by = ? where partner_id = ? and sender_message_id = ? "
                + "and ((state = 'PENDING' and (claimed_at < ? or (claimed_by = ? and claimed_at < ?))) or receipt_id = ?)")) {
            // the same receipt id is the same delivery taken up again after a restart (an SFTP arrival whose
            // processing a crash cut off): it keeps its claim, and duplicate detection keeps it off the queue twice
            Instant now = clock.instant();
            takeOver.setString(1, receiptId);
            takeOver.setTimestamp(2, Timestamp.from(now));
            takeOver.setString(3, instance);
            takeOver.setString(4, partnerId);
            takeOver.setString(5, messageId);
            takeOver.setTimestamp(6, Timestamp.from(now.minus(lease)));
            takeOver.setString(7, instance);
            takeOver.setTimestamp(8, Timestamp.from(started));
            takeOver.setString(9, receiptId);
            if (takeOver.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select receipt_id, state, claimed_at from message_id_claim "
                + "where partner_id = ? and sender_message_id = ?")) {
            select.setString(1, partnerId);
            select.setString(2, messageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    // released between the insert and this look: the earlier delivery failed, so this one may be sent again
                    throw new Rejection(ReasonCodeType.INTERNAL_ERROR, "an earlier delivery of message id '" + messageId
                            + "' failed just now; send it again");
                }
                if ("PENDING".equals(row.getString(2))) {
                    Duration wait = Duration.between(clock.instant(), row.getTimestamp(3).toInstant().plus(lease));
                    throw new Rejection(ReasonCodeType.INTERNAL_ERROR, "an earlier delivery of message id '" + messageId
                            + "' (receipt " + row.getString(1) + ") has not finished, or was cut off by a restart; send it again in "
                            + Math.max(1, wait.toSeconds() + 1) + " seconds");
                }
                // the earlier delivery was accepted: this answer is also how a partner whose receipt was lost learns of it
                throw new Rejection(ReasonCodeType.REPLAYED, "message id '" + messageId + "' was already received on "
                        + row.getTimestamp(3).toInstant() + " and accepted as receipt " + row.getString(1)
                        + "; it needs no resending, and a new message needs an id of its own");
            }
        }
    }

    private void update(String sql, String partnerId, String messageId, String receiptId) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, sql, partnerId, messageId, receiptId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the message id's state", e);
        }
    }

    private static void update(Connection connection, String sql, String partnerId, String messageId, String receiptId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, partnerId);
            statement.setString(2, messageId);
            statement.setString(3, receiptId);
            statement.executeUpdate();
        }
    }
}
