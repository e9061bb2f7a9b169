package org.familygateway.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchResult;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;

/**
 * The audit entries of the household step: from the message's headers (no personal data), naming
 * people only by pseudonyms. The entries of a transaction are kept as the step makes them and
 * appended together when its work is done, in the order made: the log's head is then locked once
 * per transaction, and only from then until the commit, rather than from the first entry on. While
 * the step held it through its whole transaction, every intake waiting to audit waited for it.
 */
final class StepAudit {

    private final Pseudonyms pseudonyms;
    /** The entries of the transaction running now; one runs at a time, under the step's lock. */
    private final List<AuditEntry> pending = new ArrayList<>();

    StepAudit(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** Keeps an entry of the running transaction, appended with the rest by {@link #appendKept}. */
    void add(AuditEntry entry) {
        pending.add(entry);
    }

    /** Appends the entries kept, in order, in the transaction, as its last work before the commit. */
    void appendKept(AuditTrail audit, Connection connection) throws SQLException {
        try {
            if (!pending.isEmpty()) {
                audit.append(connection, List.copyOf(pending));
            }
        } finally {
            pending.clear();
        }
    }

    /** Forgets the entries kept by a transaction that did not commit. */
    void forgetKept() {
        pending.clear();
    }

    /**
     * The MATCHED entry: how the people were linked, naming them by the pseudonyms of the people they
     * were linked to and of the identifiers the message gave (UPN, NI and NHS numbers, local ids), so
     * that IG can find a person's entries from any identifier they type into the console.
     */
    AuditEntry matched(Map<String, Object> headers, List<AgencyRecord> records, List<MatchResult> results) {
        Map<MatchOutcome, Integer> counts = new EnumMap<>(MatchOutcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        String detail = results.size() + " people matched: " + counts.getOrDefault(MatchOutcome.LINKED_BY_IDENTIFIER, 0) + " linked by identifier, "
                + counts.getOrDefault(MatchOutcome.LINKED_BY_SCORE, 0) + " by score, " + counts.getOrDefault(MatchOutcome.NEW_PERSON, 0)
                + " new, " + counts.getOrDefault(MatchOutcome.REVIEW, 0) + " held for review";
        List<String> subjects = new ArrayList<>(results.stream().map(MatchResult::subjectId).toList());
        for (AgencyRecord record : records) {
            subjects.addAll(identifierPseudonyms(record));
        }
        return entry(AuditEventType.MATCHED, headers, null, detail, subjects);
    }

    private List<String> identifierPseudonyms(AgencyRecord record) {
        List<String> found = new ArrayList<>();
        if (record.upn() != null) {
            found.add(pseudonyms.of(Pseudonyms.Kind.UPN, record.upn()));
        }
        if (record.niNumber() != null) {
            found.add(pseudonyms.of(Pseudonyms.Kind.NI_NUMBER, record.niNumber()));
        }
        if (record.nhsNumber() != null) {
            found.add(pseudonyms.of(Pseudonyms.Kind.NHS_NUMBER, record.nhsNumber()));
        }
        if (record.uprn() != null) {
            found.add(pseudonyms.of(Pseudonyms.Kind.UPRN, record.uprn()));
        }
        if (record.localId() != null) {
            found.add(pseudonyms.ofLocalId(record.localId().system(), record.localId().value()));
        }
        return found;
    }

    static AuditEntry entry(AuditEventType type, Map<String, Object> headers, String caseId, String detail, List<String> subjects) {
        return new AuditEntry(type, text(headers, Headers.RECEIPT_ID), text(headers, Headers.PARTNER_ID), text(headers, Headers.CHANNEL),
                text(headers, Headers.SENDER_MESSAGE_ID), caseId, null, detail, null).withSubjects(subjects)
                .withAgreement(text(headers, Headers.AGREEMENT_ID), text(headers, Headers.LAWFUL_BASIS));
    }

    List<String> subjectsOf(Collection<Long> persons) {
        return persons.stream().map(p -> pseudonyms.of(Pseudonyms.Kind.PERSON, String.valueOf(p))).distinct().toList();
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
