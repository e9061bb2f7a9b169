package org.familygateway.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import org.familygateway.model.v1.ReceiptType;

/** Every receipt the gateway issued, kept as signed, so that it can be shown again to the partner or to IG. */
public final class ReceiptArchive {

    private final DataSource dataSource;
    private final Clock clock;

    public ReceiptArchive(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Keeps a receipt as issued. A receipt id answers one delivery; issued again, the later receipt
     * replaces the earlier: a delivery is taken up again after a restart when the gateway stopped
     * between keeping its receipt and removing its SFTP arrival, and its answer then is the one the
     * partner is given. (Refusing the second made every try of that arrival fail, its failure receipt
     * too, so it was retried for ever and its message never answered; the crash harness found it.)
     */
    void keep(ReceiptType receipt, byte[] signed) {
        try (Connection connection = dataSource.getConnection()) {
            keep(connection, receipt, signed);
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep receipt " + receipt.getReceiptId(), e);
        }
    }

    /**
     * Keeps a receipt in the caller's transaction. The earlier receipt of the same id is replaced
     * by update-then-insert rather than by catching the insert's unique violation, which on
     * PostgreSQL would abort the caller's whole transaction.
     */
    void keep(Connection connection, ReceiptType receipt, byte[] signed) throws SQLException {
        String encoded = Base64.getEncoder().encodeToString(signed);
        Timestamp issuedAt = Timestamp.from(clock.instant());
        try (PreparedStatement update = connection.prepareStatement(
                "update issued_receipt set outcome = ?, issued_at = ?, signed = ? where receipt_id = ?")) {
            update.setString(1, receipt.getOutcome().value());
            update.setTimestamp(2, issuedAt);
            update.setString(3, encoded);
            update.setString(4, receipt.getReceiptId());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into issued_receipt (receipt_id, partner_id, sender_message_id, channel, outcome, issued_at, signed) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, receipt.getReceiptId());
            insert.setString(2, receipt.getPartnerId());
            insert.setString(3, receipt.getMessageId());
            insert.setString(4, receipt.getChannel().value());
            insert.setString(5, receipt.getOutcome().value());
            insert.setTimestamp(6, issuedAt);
            insert.setString(7, encoded);
            insert.executeUpdate();
        }
    }

    /** The receipt as signed, if the gateway issued it. */
    public Optional<byte[]> signed(String receiptId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select signed from issued_receipt where receipt_id = ?")) {
            select.setString(1, receiptId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Base64.getDecoder().decode(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read receipt " + receiptId, e);
        }
    }
}
