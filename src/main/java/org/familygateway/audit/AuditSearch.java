package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** The questions IG asks of the log: search, one entry, one person's flows, usage, rejections. */
public final class AuditSearch {

    /** How many times a partner's messages reached a step under an agreement in a period. */
    public record UsageRow(String partner, String agreement, String eventType, long count) {
    }

    private static final String SELECT = "select " + EntryStore.COLUMNS + " from audit_event e where leaf_index is not null";

    private final DataSource dataSource;

    public AuditSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest matching entries first, at most {@code limit}. */
    public List<AuditEvent> search(SearchFilter filter, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT);
        period(sql, parameters, filter.from(), filter.to());
        equal(sql, parameters, "partner_id", filter.partner());
        equal(sql, parameters, "agreement_id", filter.agreement());
        equal(sql, parameters, "event_type", filter.type() == null ? null : filter.type().name());
        equal(sql, parameters, "outcome", filter.outcome());
        if (filter.subject() != null) {
            sql.append(" and exists (select 1 from audit_subject s where s.event_id = e.id and s.pseudonym = ?)");
            parameters.add(filter.subject());
        }
        if (filter.message() != null) {
            // every step of each delivery the id names: RECEIVED and VERIFIED come before the message is read, so carry no message id
            sql.append(" and (e.receipt_id = ? or e.receipt_id in (select f.receipt_id from audit_event f where f.sender_message_id = ?))");
            parameters.add(filter.message());
            parameters.add(filter.message());
        }
        sql.append(" order by leaf_index desc fetch first ").append(Math.max(1, limit)).append(" rows only");
        return query(sql.toString(), parameters);
    }

    public Optional<AuditEvent> byId(long id) {
        return query(SELECT + " and id = ?", List.of(id)).stream().findFirst();
    }

    /**
     * Every flow about one person, oldest first: the entries naming them, and every other step of
     * the same deliveries (received, verified, receipt sent...), which carry no subject themselves.
     * IG's own look-ups of the person are not flows of their data; search finds those.
     */
    public List<AuditEvent> subjectReport(String pseudonym) {
        String flowsOnly = String.join(", ", Arrays.stream(AuditEventType.values()).filter(t -> !t.isAccess())
                .map(t -> "'" + t.name() + "'").toList());
        return query(SELECT + " and event_type in (" + flowsOnly + ") and (exists (select 1 from audit_subject s where s.event_id = e.id and s.pseudonym = ?)"
                + " or e.receipt_id in (select f.receipt_id from audit_event f join audit_subject s on s.event_id = f.id"
                + " where s.pseudonym = ? and f.receipt_id is not null)) order by leaf_index", List.of(pseudonym, pseudonym));
    }

    /** Rejected and quarantined messages with their reasons, newest first. */
    public List<AuditEvent> rejectedAndQuarantined(LocalDate from, LocalDate to, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT + " and event_type in ('REJECTED', 'QUARANTINED')");
        period(sql, parameters, from, to);
        sql.append(" order by leaf_index desc fetch first ").append(Math.max(1, limit)).append(" rows only");
        return query(sql.toString(), parameters);
    }

    /** Counts by partner, agreement and step over a period (message steps only, not IG access). */
    public List<UsageRow> usage(LocalDate from, LocalDate to) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select partner_id, agreement_id, event_type, count(*) from audit_event e "
                + "where partner_id is not null");
        period(sql, parameters, from, to);
        sql.append(" group by partner_id, agreement_id, event_type order by partner_id, agreement_id, event_type");
        List<UsageRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = prepared(connection, sql.toString(), parameters);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new UsageRow(result.getString(1), result.getString(2), result.getString(3), result.getLong(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the audit log", e);
        }
        return rows;
    }

    /** The partners that appear in the log, for a filter's choices. */
    public List<String> partners() {
        List<String> partners = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select distinct partner_id from audit_event where partner_id is not null order by partner_id");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                partners.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
        return partners;
    }

    private static void period(StringBuilder sql, List<Object> parameters, LocalDate from, LocalDate to) {
        if (from != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(OffsetDateTime.of(from.atStartOfDay(), ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(OffsetDateTime.of(to.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
        }
    }

    private static void equal(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    private List<AuditEvent> query(String sql, List<?> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return EntryStore.events(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
