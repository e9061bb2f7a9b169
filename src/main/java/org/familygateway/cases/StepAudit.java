package org.familygateway.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchResult;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;

/**
 * The audit entries of the household step: from the message's headers (no personal data), naming
 * people only by pseudonyms.
 */
final class StepAudit {

    private final Pseudonyms pseudonyms;

    StepAudit(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
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
