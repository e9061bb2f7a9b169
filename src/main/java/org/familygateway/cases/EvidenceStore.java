package org.familygateway.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evidence table, in the caller's transaction. Each piece is written once per sender, message
 * and record: a redelivered message finds its evidence there and adds nothing.
 */
final class EvidenceStore {

    private static final String COLUMNS = "id, partner_id, agency, message_id, record_id, kind, action, person_id, receipt_id, "
            + "channel, received_at, body";

    private EvidenceStore() {
    }

    /** Whether this sender's message has been taken in already (any of its evidence). */
    static boolean holds(Connection connection, String partnerId, String messageId, String recordId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from evidence where partner_id = ? and message_id = ? and record_id = ?")) {
            select.setString(1, partnerId);
            select.setString(2, messageId);
            select.setString(3, recordId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Writes a piece of evidence and the people it names; returns its id. */
    static long add(Connection connection, Evidence evidence, Instant restrictedAt) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("insert into evidence (partner_id, agency, message_id, record_id, "
                + "kind, action, person_id, receipt_id, channel, received_at, body, restricted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            insert.setString(1, evidence.partnerId());
            insert.setString(2, evidence.agency());
            insert.setString(3, evidence.messageId());
            insert.setString(4, evidence.recordId());
            insert.setString(5, evidence.kind().name());
            insert.setString(6, evidence.action());
            if (evidence.personId() == null) {
                insert.setNull(7, java.sql.Types.BIGINT);
            } else {
                insert.setLong(7, evidence.personId());
            }
            insert.setString(8, evidence.receiptId());
            insert.setString(9, evidence.channel());
            insert.setTimestamp(10, Timestamp.from(evidence.receivedAt()));
            insert.setString(11, new String(evidence.body(), StandardCharsets.UTF_8));
            insert.setTimestamp(12, restrictedAt == null ? null : Timestamp.from(restrictedAt));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (!evidence.people().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into evidence_person (evidence_id, member_ref, person_id) values (?, ?, ?)")) {
                for (Map.Entry<String, Long> person : evidence.people().entrySet()) {
                    insert.setLong(1, id);
                    insert.setString(2, person.getKey());
                    insert.setLong(3, person.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return id;
    }

    /** Files a record whose subject nobody holds yet under its identifiers. */
    static void waitFor(Connection connection, long evidenceId, Collection<String> identifierKeys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into evidence_waiting (evidence_id, identifier_key) values (?, ?)")) {
            for (String key : identifierKeys) {
                insert.setLong(1, evidenceId);
                insert.setString(2, key);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Gives the records waiting for any of these identifiers to the person who now holds one; returns how many. */
    static int claimWaiting(Connection connection, Collection<String> identifierKeys, long personId) throws SQLException {
        if (identifierKeys.isEmpty()) {
            return 0;
        }
        List<Long> waiting = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select evidence_id from evidence_waiting where identifier_key = ?")) {
            for (String key : identifierKeys) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        waiting.add(rows.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update evidence set person_id = ? where id = ?");
             PreparedStatement delete = connection.prepareStatement("delete from evidence_waiting where evidence_id = ?")) {
            for (long id : waiting.stream().distinct().toList()) {
                update.setLong(1, personId);
                update.setLong(2, id);
                update.addBatch();
                delete.setLong(1, id);
                delete.addBatch();
            }
            update.executeBatch();
            delete.executeBatch();
        }
        return (int) waiting.stream().distinct().count();
    }

    /** The unrestricted evidence about these people, in the order it arrived. */
    static List<Evidence> about(Connection connection, Collection<Long> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        String ids = personIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        // two indexed lookups, not "person_id in (...) or id in (select ...)", which databases answer by scanning the table
        String sql = "select " + COLUMNS + " from evidence where restricted_at is null and person_id in (" + ids + ")"
                + " union all select " + COLUMNS.replaceAll("(^|, )", "$1e.") + " from evidence e join evidence_person p on p.evidence_id = e.id"
                + " where e.restricted_at is null and p.person_id in (" + ids + ") order by 1";
        Map<Long, Evidence> found = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long personId = rows.getLong(8);
                Long person = rows.wasNull() ? null : personId;
                found.put(rows.getLong(1), new Evidence(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), Evidence.Kind.valueOf(rows.getString(6)), rows.getString(7), person, rows.getString(9),
                        rows.getString(10), rows.getTimestamp(11).toInstant(), rows.getString(12).getBytes(StandardCharsets.UTF_8),
                        Map.of()));
            }
        }
        Map<Long, Map<String, Long>> people = peopleOf(connection, found.keySet());
        List<Evidence> evidence = new ArrayList<>(found.size());
        for (Evidence e : found.values()) {
            Map<String, Long> named = people.getOrDefault(e.id(), Map.of());
            evidence.add(new Evidence(e.id(), e.partnerId(), e.agency(), e.messageId(), e.recordId(), e.kind(), e.action(),
                    e.personId(), e.receiptId(), e.channel(), e.receivedAt(), e.body(), named));
        }
        return evidence;
    }

    /** The people a sender's referral named, if the gateway holds it. */
    static Optional<Collection<Long>> peopleOfReferral(Connection connection, String partnerId, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select p.person_id from evidence e join evidence_person p "
                + "on p.evidence_id = e.id where e.partner_id = ? and e.message_id = ? and e.kind = 'REFERRAL'")) {
            select.setString(1, partnerId);
            select.setString(2, messageId);
            List<Long> people = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    people.add(rows.getLong(1));
                }
            }
            return people.isEmpty() ? Optional.empty() : Optional.of(people);
        }
    }

    /** The person a held record is about, if it has found one. */
    static Optional<Long> personOf(Connection connection, String partnerId, String messageId, String recordId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select person_id from evidence where partner_id = ? and message_id = ? and record_id = ? and person_id is not null")) {
            select.setString(1, partnerId);
            select.setString(2, messageId);
            select.setString(3, recordId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Everyone a sender's message was found to be about. */
    static List<Long> peopleOfMessage(Connection connection, String partnerId, String messageId) throws SQLException {
        List<Long> people = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select person_id from evidence where partner_id = ? and message_id = ? "
                + "and person_id is not null union select p.person_id from evidence e join evidence_person p on p.evidence_id = e.id "
                + "where e.partner_id = ? and e.message_id = ?")) {
            select.setString(1, partnerId);
            select.setString(2, messageId);
            select.setString(3, partnerId);
            select.setString(4, messageId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    people.add(rows.getLong(1));
                }
            }
        }
        return people;
    }

    /** Lifts a restriction (consent given again): the evidence about these people may be used again. */
    static int unrestrict(Connection connection, Collection<Long> personIds) throws SQLException {
        return setRestricted(connection, personIds, null);
    }

    /** Restricts the evidence about these people: kept, but no longer used or sent. Returns how many pieces. */
    static int restrict(Connection connection, Collection<Long> personIds, Instant at) throws SQLException {
        return setRestricted(connection, personIds, at);
    }

    /** Sets (or with null lifts) the restriction on the evidence about these people, that is not so already. */
    private static int setRestricted(Connection connection, Collection<Long> personIds, Instant at) throws SQLException {
        if (personIds.isEmpty()) {
            return 0;
        }
        String ids = personIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        int changed = 0;
        for (String which : List.of("person_id in (" + ids + ")", "id in (select evidence_id from evidence_person where person_id in (" + ids + "))")) {
            try (PreparedStatement update = connection.prepareStatement("update evidence set restricted_at = ? where restricted_at is "
                    + (at == null ? "not null" : "null") + " and " + which)) {
                update.setTimestamp(1, at == null ? null : Timestamp.from(at));
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    private static Map<Long, Map<String, Long>> peopleOf(Connection connection, Collection<Long> evidenceIds) throws SQLException {
        Map<Long, Map<String, Long>> people = new HashMap<>();
        if (evidenceIds.isEmpty()) {
            return people;
        }
        String ids = evidenceIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement select = connection.prepareStatement(
                "select evidence_id, member_ref, person_id from evidence_person where evidence_id in (" + ids + ")");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                people.computeIfAbsent(rows.getLong(1), k -> new LinkedHashMap<>()).put(rows.getString(2), rows.getLong(3));
            }
        }
        return people;
    }
}
