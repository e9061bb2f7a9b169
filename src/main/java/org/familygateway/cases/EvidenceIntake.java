package org.familygateway.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.audit.AuditEntry;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.Households;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchResult;
import org.familygateway.matching.People;
import org.familygateway.matching.PersonIndex;
import org.familygateway.matching.ReferralRecords;
import org.familygateway.matching.SubjectRecords;
import org.familygateway.model.Headers;
import org.familygateway.model.v1.ConsentUpdateType;
import org.familygateway.model.v1.InformationShareType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.MessageXml;

/**
 * The household step's first half, in the step's transaction: a referral's members or a share's
 * records are matched to people and kept as evidence (audited MATCHED), and a consent update's
 * people are found. Returns the people touched, whose households HouseholdCases then decides again.
 * A message whose evidence is already kept adds nothing and touches the people it named.
 */
final class EvidenceIntake {

    private final PersonIndex people;
    private final Households households;
    private final MessageXml xml;
    private final StepAudit steps;
    private final Clock clock;

    EvidenceIntake(PersonIndex people, Households households, MessageXml xml, StepAudit steps, Clock clock) {
        this.people = people;
        this.households = households;
        this.xml = xml;
        this.steps = steps;
        this.clock = clock;
    }

    Set<Long> referral(Connection connection, ReferralType referral, Map<String, Object> headers) throws SQLException {
        String partner = text(headers, Headers.PARTNER_ID);
        if (EvidenceStore.holds(connection, partner, referral.getMessageId(), Evidence.NO_RECORD)) {
            return Set.copyOf(EvidenceStore.peopleOfReferral(connection, partner, referral.getMessageId()).orElse(List.of()));
        }
        List<AgencyRecord> records = ReferralRecords.of(referral);
        List<MatchResult> results = people.matchAll(connection, records);
        Map<String, Long> named = new LinkedHashMap<>();
        List<PersonType> members = referral.getHousehold().getMember();
        Set<Long> touched = new LinkedHashSet<>();
        for (int i = 0; i < members.size(); i++) {
            long person = results.get(i).personId();
            named.put(members.get(i).getRef(), person);
            touched.add(person);
            EvidenceStore.claimWaiting(connection, PersonIndex.identifierKeys(records.get(i)), person);
        }
        EvidenceStore.add(connection, evidence(headers, referral.getReferrer().getAgency().getKind().value(), referral.getMessageId(),
                Evidence.NO_RECORD, Evidence.Kind.REFERRAL, "NEW", null, xml.write(MessageXml.ELEMENTS.createReferral(referral)), named), null);
        steps.add(steps.matched(headers, records, results));
        return touched;
    }

    Set<Long> share(Connection connection, InformationShareType share, Map<String, Object> headers) throws SQLException {
        String partner = text(headers, Headers.PARTNER_ID);
        String messageId = share.getShareHeader().getMessageId();
        String agency = share.getShareHeader().getSender().getKind().value();
        LocalDate asOf = share.getShareHeader().getCreatedAt().toLocalDate();
        Set<Long> touched = new LinkedHashSet<>();
        List<JAXBElement<? extends RecordType>> named = new ArrayList<>();
        List<AgencyRecord> toMatch = new ArrayList<>();
        List<JAXBElement<? extends RecordType>> byIdentifier = new ArrayList<>();
        for (JAXBElement<? extends RecordType> element : share.getRecord()) {
            RecordType record = element.getValue();
            if (EvidenceStore.holds(connection, partner, messageId, record.getId())) {
                EvidenceStore.personOf(connection, partner, messageId, record.getId()).ifPresent(touched::add);
                continue;
            }
            Optional<AgencyRecord> subject = SubjectRecords.named(partner, record.getSubject(), asOf);
            if (subject.isPresent()) {
                named.add(element);
                toMatch.add(subject.get());
            } else {
                byIdentifier.add(element);
            }
        }
        List<MatchResult> results = people.matchAll(connection, toMatch);
        for (int i = 0; i < named.size(); i++) {
            long person = results.get(i).personId();
            touched.add(person);
            EvidenceStore.claimWaiting(connection, PersonIndex.identifierKeys(toMatch.get(i)), person);
            addRecord(connection, headers, agency, messageId, named.get(i), person);
        }
        int waiting = 0;
        for (JAXBElement<? extends RecordType> element : byIdentifier) {
            AgencyRecord identifiers = SubjectRecords.identifiers(partner, element.getValue().getSubject(), asOf);
            var holder = people.holderOf(identifiers);
            long id = addRecord(connection, headers, agency, messageId, element, holder.isPresent() ? holder.getAsLong() : null);
            if (holder.isPresent()) {
                touched.add(holder.getAsLong());
            } else {
                EvidenceStore.waitFor(connection, id, PersonIndex.identifierKeys(identifiers));
                waiting++;
            }
        }
        if (!results.isEmpty() || !byIdentifier.isEmpty()) {
            List<AgencyRecord> all = new ArrayList<>(toMatch);
            byIdentifier.forEach(e -> all.add(SubjectRecords.identifiers(partner, e.getValue().getSubject(), asOf)));
            AuditEntry entry = steps.matched(headers, all, results);
            if (waiting > 0) {
                entry = new AuditEntry(entry.type(), entry.receiptId(), entry.partnerId(), entry.channel(), entry.senderMessageId(), null,
                        null, entry.detail() + "; " + waiting + " named only by identifiers nobody holds yet, kept until their person is known",
                        null, entry.agreementId(), entry.lawfulBasis(), entry.outcome(), entry.recipient(), null, entry.subjects());
            }
            List<String> subjects = new ArrayList<>(entry.subjects());
            subjects.addAll(steps.subjectsOf(touched));
            steps.add(entry.withSubjects(subjects));
        }
        return touched;
    }

    private long addRecord(Connection connection, Map<String, Object> headers, String agency, String messageId,
            JAXBElement<? extends RecordType> element, Long person) throws SQLException {
        RecordType record = element.getValue();
        return EvidenceStore.add(connection, evidence(headers, agency, messageId, record.getId(), Evidence.Kind.RECORD,
                record.getAction().value(), person, xml.write(element), Map.of()), null);
    }

    /** The people a consent update is about: those of the referral it relates to, else its members as matched. */
    Map<String, Long> namedPeople(Connection connection, ConsentUpdateType update, String partner) throws SQLException {
        Map<String, Long> named = new LinkedHashMap<>();
        List<PersonType> members = update.getHousehold().getMember();
        for (PersonType member : members) {
            MatchResult preview = people.preview(ReferralRecords.member(partner, member, update.getHousehold().getAddress(),
                    update.getCreatedAt().toLocalDate()));
            if (preview.outcome() == MatchOutcome.LINKED_BY_IDENTIFIER || preview.outcome() == MatchOutcome.LINKED_BY_SCORE) {
                named.put(member.getRef(), People.current(connection, preview.personId()));
            }
        }
        if (update.getRelatesTo() != null && update.getRelatesTo().getReferralMessageId() != null) {
            Optional<Collection<Long>> referred = EvidenceStore.peopleOfReferral(connection, partner,
                    update.getRelatesTo().getReferralMessageId());
            int n = 0;
            for (long person : referred.orElse(List.of())) {
                if (!named.containsValue(person)) {
                    named.put("referral-" + (++n), person);
                }
            }
        }
        if (update.getRelatesTo() != null && update.getRelatesTo().getCaseId() != null) {
            Optional<CaseStore.State> state = CaseStore.byCaseId(connection, update.getRelatesTo().getCaseId());
            if (state.isPresent()) {
                int n = 0;
                for (long person : households.members(connection, state.get().householdId(), today())) {
                    if (!named.containsValue(person)) {
                        named.put("case-" + (++n), person);
                    }
                }
            }
        }
        return named;
    }

    Evidence evidence(Map<String, Object> headers, String agency, String messageId, String recordId, Evidence.Kind kind,
            String action, Long person, byte[] body, Map<String, Long> named) {
        return new Evidence(0, text(headers, Headers.PARTNER_ID), agency, messageId, recordId, kind, action, person,
                text(headers, Headers.RECEIPT_ID), text(headers, Headers.CHANNEL),
                OffsetDateTime.parse(text(headers, Headers.RECEIVED_AT)).toInstant(), body, named);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
