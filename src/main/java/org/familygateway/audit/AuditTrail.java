package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;


/**
 * Writes and reads audit entries in the gateway's database. Routes call {@link #record} with the
 * message's headers, which by design hold no personal data.
 */
public final class AuditTrail {

    private static final int MAX_DETAIL = 1000;
    private static final String COLUMNS = "id, occurred_at, event_type, receipt_id, partner_id, channel, sender_message_id, "
            + "case_id, reason_code, detail, payload_digest";

    private final DataSource dataSource;
    private final Clock clock;

    public AuditTrail(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records a step from the headers a message carries; routes call this. */
    public void record(AuditEventType type, Map<String, Object> headers) {
        append(AuditEntry.fromHeaders(type, headers));
    }

    public void append(AuditEntry entry) {
        String sql = "insert into audit_event (occurred_at, event_type, receipt_id, partner_id, channel, sender_message_id, "
                + "case_id, reason_code, detail, payload_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            String detail = entry.detail();
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, entry.type().name());
            insert.setString(3, entry.receiptId());
            insert.setString(4, entry.partnerId());
            insert.setString(5, entry.channel());
            insert.setString(6, entry.senderMessageId());
            insert.setString(7, entry.caseId());
            insert.setString(8, entry.reasonCode());
            insert.setString(9, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
            insert.setString(10, entry.payloadDigest());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit entry " + entry.type() + " for receipt " + entry.receiptId(), e);
        }
    }

    /** Every entry about one delivery, oldest first. */
    public List<AuditEvent> forReceipt(String receiptId) {
        return query("select " + COLUMNS + " from audit_event where receipt_id = ? order by id", receiptId);
    }

    /** The newest entries, newest first. */
    public List<AuditEvent> latest(int limit) {
        return query("select " + COLUMNS + " from audit_event order by id desc fetch first " + Math.max(1, limit) + " rows only");
    }

    private List<AuditEvent> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<AuditEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getLong(1), rows.getTimestamp(2).toInstant(), new AuditEntry(
                            AuditEventType.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11))));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }
}
