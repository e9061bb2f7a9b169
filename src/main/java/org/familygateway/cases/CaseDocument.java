package org.familygateway.cases;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.eligibility.Decision;
import org.familygateway.eligibility.DecisionXml;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.model.v1.AddressType;
import org.familygateway.model.v1.CaseHouseholdType;
import org.familygateway.model.v1.CaseMemberType;
import org.familygateway.model.v1.CaseSourceType;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ConsentChangeType;
import org.familygateway.model.v1.ConsentPositionType;
import org.familygateway.model.v1.ConsentType;
import org.familygateway.model.v1.GenderType;
import org.familygateway.model.v1.PersonIdentifiersType;
import org.familygateway.model.v1.PersonNameType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.RecordActionType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.model.v1.SharingBasisType;
import org.familygateway.validation.MessageXml;

/**
 * The case the family team receives for a household: its members as linked across agencies, the
 * decision with its reasons and evidence, the consent position, the referrals that asked for help,
 * and the messages it was built from. Built without version or time, so that two builds from the
 * same evidence compare equal; {@link #stamp} adds them when a version is made.
 */
final class CaseDocument {

    /** The fixed time a case is built with for comparing content; the real time is set when a version is made. */
    private static final OffsetDateTime UNSTAMPED = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private CaseDocument() {
    }

    static CaseType build(String caseId, HouseholdEvidence held, Decision decision, LocalDate withdrawnOn, MessageXml xml) {
        CaseType result = new CaseType();
        result.setCaseId(caseId);
        result.setVersion(BigInteger.ONE);
        result.setStatus(CaseStatusType.NEW);
        result.setIssuedAt(UNSTAMPED);
        Map<String, CaseMemberType> members = new LinkedHashMap<>();
        CaseHouseholdType household = household(held, members);
        if (household != null) {
            result.setHousehold(household);
        }
        var decisionXml = DecisionXml.toDecisionType(decision);
        decisionXml.setEvaluatedOn(UNSTAMPED.toLocalDate());
        result.setDecision(decisionXml);
        result.setConsentPosition(consentPosition(held, members, withdrawnOn));
        result.getSource().addAll(sources(held.evidence));
        int n = 0;
        for (HouseholdEvidence.HeldReferral referral : held.referrals) {
            n++;
            // each referral names its members p1, p2...; in the case they must not clash with each other or the case's members
            for (PersonType member : referral.referral().getHousehold().getMember()) {
                member.setRef("r" + n + "-" + member.getRef());
            }
            result.getReferral().add(referral.referral());
        }
        result.getRecord().addAll(currentRecords(held, xml));
        return result;
    }

    /**
     * The records agencies shared about the members, as they stand: a correction replaces the record
     * with its id, a withdrawal removes it. The family team gets the structured facts behind the
     * decision's evidence, and minimisation can remove a record by its category.
     */
    private static List<JAXBElement<? extends RecordType>> currentRecords(HouseholdEvidence held, MessageXml xml) {
        Map<String, JAXBElement<? extends RecordType>> current = new LinkedHashMap<>();
        for (Evidence e : held.evidence) {
            if (e.kind() != Evidence.Kind.RECORD) {
                continue;
            }
            String key = e.partnerId() + "/" + e.recordId();
            if (RecordActionType.WITHDRAWAL.value().equals(e.action())) {
                current.remove(key);
                continue;
            }
            @SuppressWarnings("unchecked")
            JAXBElement<? extends RecordType> element = (JAXBElement<? extends RecordType>) xml.readElement(e.body());
            current.remove(key);
            current.put(key, element);
        }
        return new ArrayList<>(current.values());
    }

    /** Sets the version, status, time and evaluation day of a built case. */
    static CaseType stamp(CaseType built, int version, CaseStatusType status, Instant now, LocalDate evaluatedOn) {
        built.setVersion(BigInteger.valueOf(version));
        built.setStatus(status);
        built.setIssuedAt(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (built.getDecision() != null) {
            built.getDecision().setEvaluatedOn(evaluatedOn);
        }
        return built;
    }

    /** The last version of a case whose consent was withdrawn: who it was, and that it ends; nothing more. */
    static CaseType withdrawn(String caseId, LocalDate withdrawnOn, Evidence withdrawal) {
        CaseType result = new CaseType();
        result.setCaseId(caseId);
        result.setVersion(BigInteger.ONE);
        result.setStatus(CaseStatusType.WITHDRAWN);
        result.setIssuedAt(UNSTAMPED);
        ConsentPositionType position = new ConsentPositionType();
        position.setBasis(SharingBasisType.CONSENT);
        position.setInformationGovernanceReview(false);
        position.setWithdrawnOn(withdrawnOn);
        result.setConsentPosition(position);
        result.getSource().addAll(sources(List.of(withdrawal)));
        return result;
    }

    private static CaseHouseholdType household(HouseholdEvidence held, Map<String, CaseMemberType> members) {
        List<HouseholdEvidence.Person> described = held.people.stream()
                .filter(p -> p.details().dateOfBirth() != null && !p.details().forename().isEmpty()).toList();
        if (described.isEmpty()) {
            return null;
        }
        CaseHouseholdType household = new CaseHouseholdType();
        household.setHouseholdId(held.householdSubject);
        household.setAddress(address(held, described));
        int n = 0;
        for (HouseholdEvidence.Person person : described) {
            CaseMemberType member = new CaseMemberType();
            member.setRef("p" + (++n));
            AgencyRecord details = person.details();
            PersonNameType name = new PersonNameType();
            name.setForename(details.forename());
            name.setMiddleNames(details.middleNames());
            name.setSurname(details.surname());
            member.setName(name);
            member.setDateOfBirth(details.dateOfBirth());
            member.setGender(GenderType.fromValue(details.gender().name()));
            member.setRoleInHousehold(person.role());
            if (details.upn() != null || details.niNumber() != null || details.nhsNumber() != null) {
                PersonIdentifiersType ids = new PersonIdentifiersType();
                ids.setUPN(details.upn());
                ids.setNINumber(details.niNumber());
                ids.setNHSNumber(details.nhsNumber());
                member.setIdentifiers(ids);
            }
            member.setSubjectId(person.subjectId());
            member.setMemberSince(person.memberSince());
            household.getMember().add(member);
            members.put(person.subjectId(), member);
        }
        return household;
    }

    /** The address the newest referral gave, else the newest one a member's records gave. */
    private static AddressType address(HouseholdEvidence held, List<HouseholdEvidence.Person> described) {
        if (!held.referrals.isEmpty()) {
            return held.referrals.get(held.referrals.size() - 1).referral().getHousehold().getAddress();
        }
        AgencyRecord newest = described.stream().map(HouseholdEvidence.Person::details).filter(d -> d.postcode() != null)
                .max(Comparator.comparing(AgencyRecord::effectiveFrom)).orElse(described.get(0).details());
        AddressType address = new AddressType();
        address.getLine().addAll(newest.addressLines().isEmpty() ? List.of("(address not given)") : newest.addressLines());
        address.setPostcode(newest.postcode());
        address.setUPRN(newest.uprn());
        return address;
    }

    /**
     * Consent when the newest referral or consent update carries it (renewals replace it); else the
     * lawful basis the newest referral named, which information governance must review.
     */
    private static ConsentPositionType consentPosition(HouseholdEvidence held, Map<String, CaseMemberType> members, LocalDate withdrawnOn) {
        ConsentType consent = null;
        Map<String, String> namedBy = Map.of();
        Instant consentAt = Instant.MIN;
        ReferralType newestReferral = null;
        for (HouseholdEvidence.HeldReferral referral : held.referrals) {
            newestReferral = referral.referral();
            if (referral.referral().getConsent() != null) {
                consent = referral.referral().getConsent();
                namedBy = refsToSubjects(referral.referral().getHousehold().getMember(), referral.subjects());
                consentAt = referral.evidence().receivedAt();
            }
        }
        for (HouseholdEvidence.HeldConsent update : held.consentUpdates) {
            if (update.update().getChange() != ConsentChangeType.WITHDRAWN && update.update().getConsent() != null
                    && update.evidence().receivedAt().isAfter(consentAt)) {
                consent = update.update().getConsent();
                namedBy = refsToSubjects(update.update().getHousehold().getMember(), update.subjects());
                consentAt = update.evidence().receivedAt();
            }
        }
        ConsentPositionType position = new ConsentPositionType();
        if (consent != null) {
            position.setBasis(SharingBasisType.CONSENT);
            if (consent.getGivenBy() instanceof PersonType giver) {
                CaseMemberType member = members.get(namedBy.get(giver.getRef()));
                if (member != null) {
                    consent.setGivenBy(member);
                }
            }
            position.setConsent(consent);
            position.setInformationGovernanceReview(false);
        } else {
            position.setBasis(SharingBasisType.LAWFUL_BASIS);
            if (newestReferral != null) {
                position.setLawfulBasis(newestReferral.getLawfulBasis());
            }
            position.setInformationGovernanceReview(true);
        }
        position.setWithdrawnOn(withdrawnOn);
        return position;
    }

    /** The subject each ref named, keyed by the ref as it is now (refs are renamed when the referral joins the case). */
    private static Map<String, String> refsToSubjects(List<PersonType> people, Map<String, String> subjects) {
        Map<String, String> byRef = new HashMap<>();
        for (PersonType person : people) {
            byRef.put(person.getRef(), subjects.get(person.getRef()));
        }
        return byRef;
    }

    private static List<CaseSourceType> sources(List<Evidence> evidence) {
        Map<String, CaseSourceType> sources = new LinkedHashMap<>();
        List<Evidence> ordered = new ArrayList<>(evidence);
        ordered.sort(Comparator.comparing(Evidence::receivedAt).thenComparing(Evidence::id));
        for (Evidence e : ordered) {
            sources.computeIfAbsent(e.partnerId() + "/" + e.messageId(), k -> {
                CaseSourceType source = new CaseSourceType();
                source.setPartnerId(e.partnerId());
                source.setChannel(ChannelType.fromValue(e.channel()));
                source.setMessageId(e.messageId());
                source.setReceiptId(e.receiptId());
                source.setReceivedAt(OffsetDateTime.ofInstant(e.receivedAt(), ZoneOffset.UTC));
                return source;
            });
        }
        return new ArrayList<>(sources.values());
    }
}
