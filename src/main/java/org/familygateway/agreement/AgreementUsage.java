package org.familygateway.agreement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.familygateway.model.v1.DataCategoryType;

/**
 * What was shared under each agreement: per accepted message, the records of each category, counts
 * only. Read back as the IG usage report: per agreement, messages and records by partner and
 * category over a period.
 */
public final class AgreementUsage {

    /** One line of the report. */
    public record Row(String agreementId, String partnerId, DataCategoryType category, long messages, long records) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public AgreementUsage(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records what one accepted message shared, in the caller's transaction, once per receipt however often it is accepted. */
    public void record(Connection connection, String receiptId, String partnerId, Map<SharingPermit.Use, Long> counts) throws SQLException {
        // a message accepted again under the same receipt (an SFTP arrival taken up again after a crash,
        // or after its receipt could not be written) replaces what its earlier try recorded
        try (PreparedStatement earlier = connection.prepareStatement("delete from agreement_usage where receipt_id = ?")) {
            earlier.setString(1, receiptId);
            earlier.executeUpdate();
        }
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into agreement_usage "
                + "(recorded_at, receipt_id, agreement_id, partner_id, category, records) values (?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<SharingPermit.Use, Long> count : counts.entrySet()) {
                insert.setTimestamp(1, now);
                insert.setString(2, receiptId);
                insert.setString(3, count.getKey().agreementId());
                insert.setString(4, partnerId);
                insert.setString(5, count.getKey().category().value());
                insert.setLong(6, count.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Messages and records by agreement, partner and category, from (inclusive) to (exclusive). */
    public List<Row> report(Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select agreement_id, partner_id, category, "
                     + "count(distinct receipt_id), sum(records) from agreement_usage where recorded_at >= ? and recorded_at < ? "
                     + "group by agreement_id, partner_id, category order by agreement_id, partner_id, category")) {
            select.setTimestamp(1, Timestamp.from(from));
            select.setTimestamp(2, Timestamp.from(to));
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), DataCategoryType.fromValue(result.getString(3)),
                            result.getLong(4), result.getLong(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the agreement usage", e);
        }
    }
}
