package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL of audit entries: writing one row and its subjects, and reading rows back. */
final class EntryStore {

    static final String COLUMNS = "id, leaf_index, occurred_at, event_type, receipt_id, partner_id, channel, "
            + "sender_message_id, case_id, reason_code, detail, payload_digest, agreement_id, lawful_basis, outcome, "
            + "recipient, actor, purged_at, details_salt, details_commitment, leaf_hash";

    private EntryStore() {
    }

    static long insert(Connection connection, long position, Instant at, AuditEntry e, byte[] salt, byte[] commitment,
                       byte[] leafHash) throws SQLException {
        String sql = "insert into audit_event (leaf_index, occurred_at, event_type, receipt_id, partner_id, channel, "
                + "sender_message_id, case_id, reason_code, detail, payload_digest, agreement_id, lawful_basis, outcome, "
                + "recipient, actor, details_salt, details_commitment, leaf_hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long id;
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            Object[] values = {position, utc(at), e.type().name(), e.receiptId(), e.partnerId(), e.channel(),
                e.senderMessageId(), e.caseId(), e.reasonCode(), e.detail(), e.payloadDigest(), e.agreementId(),
                e.lawfulBasis(), e.outcome(), e.recipient(), e.actor(), TreeHash.hex(salt), TreeHash.hex(commitment),
                TreeHash.hex(leafHash)};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (!e.subjects().isEmpty()) {
            try (PreparedStatement subject = connection.prepareStatement("insert into audit_subject (event_id, pseudonym) values (?, ?)")) {
                for (String pseudonym : e.subjects()) {
                    subject.setLong(1, id);
                    subject.setString(2, pseudonym);
                    subject.addBatch();
                }
                subject.executeBatch();
            }
        }
        return id;
    }

    /** The row under the cursor; its subjects are given, since they live in their own table. */
    static SealedRow row(ResultSet rows, List<String> subjects) throws SQLException {
        AuditEntry entry = new AuditEntry(AuditEventType.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                rows.getString(12), rows.getString(13), rows.getString(14), rows.getString(15), rows.getString(16),
                rows.getString(17), subjects);
        long position = rows.getLong(2);
        boolean unsealed = rows.wasNull();
        OffsetDateTime purgedAt = rows.getObject(18, OffsetDateTime.class);
        AuditEvent event = new AuditEvent(rows.getLong(1), unsealed ? -1 : position,
                rows.getObject(3, OffsetDateTime.class).toInstant(), entry, purgedAt != null);
        return new SealedRow(event, bytes(rows.getString(19)), bytes(rows.getString(20)), bytes(rows.getString(21)));
    }

    /** Entries selected with COLUMNS, with their subjects, in the order selected. */
    static List<AuditEvent> events(Connection connection, String sql, List<?> parameters) throws SQLException {
        List<SealedRow> sealed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sealed.add(row(rows, List.of()));
                }
            }
        }
        Map<Long, List<String>> subjects = subjectsOf(connection, sealed.stream().map(r -> r.event().id()).toList());
        return sealed.stream().map(SealedRow::event).map(e -> new AuditEvent(e.id(), e.position(), e.occurredAt(),
                e.entry().withSubjects(subjects.getOrDefault(e.id(), List.of())), e.purged())).toList();
    }

    private static Map<Long, List<String>> subjectsOf(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<String>> subjects = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "select event_id, pseudonym from audit_subject where event_id in (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        subjects.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
        }
        return subjects;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] bytes(String hex) {
        return hex == null ? null : TreeHash.fromHex(hex);
    }
}
