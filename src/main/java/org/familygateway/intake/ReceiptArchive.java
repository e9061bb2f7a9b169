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

    void keep(ReceiptType receipt, byte[] signed) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into issued_receipt (receipt_id, partner_id, sender_message_id, channel, outcome, issued_at, signed) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, receipt.getReceiptId());
            insert.setString(2, receipt.getPartnerId());
            insert.setString(3, receipt.getMessageId());
            insert.setString(4, receipt.getChannel().value());
            insert.setString(5, receipt.getOutcome().value());
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.setString(7, Base64.getEncoder().encodeToString(signed));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep receipt " + receipt.getReceiptId(), e);
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
