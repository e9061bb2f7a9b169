package org.familygateway.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.eligibility.Fact;
import org.familygateway.eligibility.Household;
import org.familygateway.eligibility.Member;
import org.familygateway.eligibility.RecordFacts;
import org.familygateway.eligibility.ReferralFacts;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.People;
import org.familygateway.model.Pseudonyms;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ConsentUpdateType;
import org.familygateway.model.v1.GenderType;
import org.familygateway.model.v1.HouseholdRoleType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.MessageXml;

/**
 * Everything the gateway holds about one household on a day: its members as linked across agencies
 * (with their newest details), the referrals and consent updates that name them, and the records
 * about them, read back from the evidence table and turned into what the rules read.
 */
final class HouseholdEvidence {

    /** A member: who they are to the gateway, their newest details, and since when they live here. */
    record Person(long personId, String subjectId, AgencyRecord details, HouseholdRoleType role, LocalDate memberSince) {
    }

    /** A referral as held, with the people it names by their ref. */
    record HeldReferral(Evidence evidence, ReferralType referral, Map<String, String> subjects) {
    }

    /** A consent update as held, with the people it names by their ref. */
    record HeldConsent(Evidence evidence, ConsentUpdateType update, Map<String, String> subjects) {
    }

    final long householdId;
    final String householdSubject;
    final List<Person> people;
    final List<HeldReferral> referrals;
    final List<HeldConsent> consentUpdates;
    final List<Evidence> evidence;
    final Household household;

    private HouseholdEvidence(long householdId, String householdSubject, List<Person> people, List<HeldReferral> referrals,
            List<HeldConsent> consentUpdates, List<Evidence> evidence, Household household) {
        this.householdId = householdId;
        this.householdSubject = householdSubject;
        this.people = people;
        this.referrals = referrals;
        this.consentUpdates = consentUpdates;
        this.evidence = evidence;
        this.household = household;
    }

    /**
     * @param members the household's members on the day, with the day each joined
     */
    static HouseholdEvidence read(Connection connection, long householdId, Map<Long, LocalDate> members, LocalDate day,
            MessageXml xml, Pseudonyms pseudonyms) throws SQLException {
        Set<Long> everyId = People.withMergedInto(connection, members.keySet());
        List<Evidence> evidence = EvidenceStore.about(connection, everyId);
        Map<Long, String> subjects = new HashMap<>();
        for (long id : everyId) {
            subjects.put(id, pseudonyms.of(Pseudonyms.Kind.PERSON, String.valueOf(People.current(connection, id))));
        }
        List<HeldReferral> referrals = new ArrayList<>();
        List<HeldConsent> consentUpdates = new ArrayList<>();
        Map<String, HouseholdRoleType> roles = new HashMap<>();
        for (Evidence e : evidence) {
            Map<String, String> named = new LinkedHashMap<>();
            e.people().forEach((ref, person) -> named.put(ref, subjects.computeIfAbsent(person,
                    p -> pseudonyms.of(Pseudonyms.Kind.PERSON, String.valueOf(p)))));
            if (e.kind() == Evidence.Kind.REFERRAL) {
                ReferralType referral = xml.read(e.body(), ReferralType.class);
                referrals.add(new HeldReferral(e, referral, named));
                for (PersonType member : referral.getHousehold().getMember()) {
                    roles.put(named.get(member.getRef()), member.getRoleInHousehold());
                }
            } else if (e.kind() == Evidence.Kind.CONSENT) {
                consentUpdates.add(new HeldConsent(e, xml.read(e.body(), ConsentUpdateType.class), named));
            }
        }
        String householdSubject = pseudonyms.of(Pseudonyms.Kind.HOUSEHOLD, String.valueOf(householdId));
        List<Person> people = new ArrayList<>();
        for (Map.Entry<Long, LocalDate> member : members.entrySet()) {
            List<AgencyRecord> records = new ArrayList<>();
            for (long id : People.withMergedInto(connection, List.of(member.getKey()))) {
                records.addAll(People.records(connection, id));
            }
            if (records.isEmpty()) {
                continue;
            }
            String subject = pseudonyms.of(Pseudonyms.Kind.PERSON, String.valueOf(member.getKey()));
            AgencyRecord details = newest(records);
            HouseholdRoleType role = roles.getOrDefault(subject, details.dateOfBirth() != null && details.dateOfBirth().plusYears(18).isAfter(day)
                    ? HouseholdRoleType.CHILD : HouseholdRoleType.OTHER_ADULT);
            people.add(new Person(member.getKey(), subject, details, role, member.getValue()));
        }
        Household household = household(householdSubject, people, referrals, evidence, subjects, xml);
        return new HouseholdEvidence(householdId, householdSubject, people, referrals, consentUpdates, evidence, household);
    }

    boolean referred() {
        return !referrals.isEmpty();
    }

    /** The household's facts and members for the rules: only members whose date of birth is known can be weighed. */
    private static Household household(String id, List<Person> people, List<HeldReferral> referrals, List<Evidence> evidence,
            Map<Long, String> subjects, MessageXml xml) {
        Household.Builder builder = Household.builder(id);
        Set<String> current = new java.util.HashSet<>();
        for (Person person : people) {
            if (person.details().dateOfBirth() != null) {
                builder.member(new Member(person.subjectId(), person.role(), person.details().dateOfBirth(), gender(person.details())));
                current.add(person.subjectId());
            }
        }
        for (HeldReferral held : referrals) {
            for (Fact fact : ReferralFacts.facts(held.referral(), held.subjects())) {
                if (fact.subject() == null || current.contains(fact.subject())) {
                    builder.fact(fact);
                }
            }
        }
        for (Evidence e : evidence) {
            if (e.kind() == Evidence.Kind.RECORD && e.personId() != null) {
                @SuppressWarnings("unchecked")
                JAXBElement<? extends RecordType> element = (JAXBElement<? extends RecordType>) xml.readElement(e.body());
                RecordFacts.apply(builder, element, subjects.get(e.personId()),
                        new RecordFacts.Share(e.partnerId(), AgencyKindType.fromValue(e.agency()), e.messageId()));
            }
        }
        return builder.build();
    }

    private static AgencyRecord newest(List<AgencyRecord> records) {
        // the newest named record; an address-less or birth-date-less one does not hide an earlier full one
        AgencyRecord best = records.get(records.size() - 1);
        for (AgencyRecord record : records) {
            boolean named = !record.forename().isEmpty();
            if (named && record.dateOfBirth() != null && (best.dateOfBirth() == null
                    || !record.effectiveFrom().isBefore(best.effectiveFrom()))) {
                best = record;
            }
        }
        AgencyRecord withAddress = best.postcode() != null ? best : records.stream().filter(r -> r.postcode() != null)
                .max(Comparator.comparing(AgencyRecord::effectiveFrom)).orElse(best);
        // the identifiers any record gave, newest first: the family team finds the person by them in its own systems
        return new AgencyRecord(best.sourcePartner(), best.localId(), best.forename(), best.middleNames(), best.surname(),
                best.dateOfBirth(), best.gender(), firstNonNull(records, AgencyRecord::upn), firstNonNull(records, AgencyRecord::niNumber),
                firstNonNull(records, AgencyRecord::nhsNumber), withAddress.addressLines(), withAddress.postcode(), withAddress.uprn(),
                withAddress.effectiveFrom(), best.declaredHousehold());
    }

    private static String firstNonNull(List<AgencyRecord> records, Function<AgencyRecord, String> field) {
        for (int i = records.size() - 1; i >= 0; i--) {
            String value = field.apply(records.get(i));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static GenderType gender(AgencyRecord record) {
        return GenderType.fromValue(record.gender().name());
    }
}
