package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.familygateway.model.v1.AssessmentReferenceType;
import org.familygateway.model.v1.ConcernType;
import org.familygateway.model.v1.ConsentType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.model.v1.SharingBasisType;

/**
 * What a referral tells the rules: the household's members as the referrer knows them, the coded
 * concerns (a practitioner's claims), the assessments and plans it came with, and whether it rests
 * on the family's consent or on a lawful basis.
 */
public final class ReferralFacts {

    private ReferralFacts() {
    }

    /**
     * Adds a referral to a household's evidence.
     *
     * @param subjectIds the pseudonymous subject id matching gave each member, by the member's ref in the referral
     */
    public static void apply(Household.Builder household, ReferralType referral, Map<String, String> subjectIds) {
        members(referral, subjectIds).forEach(household::member);
        facts(referral, subjectIds).forEach(household::fact);
    }

    public static List<Member> members(ReferralType referral, Map<String, String> subjectIds) {
        List<Member> members = new ArrayList<>();
        for (PersonType person : referral.getHousehold().getMember()) {
            members.add(new Member(subject(subjectIds, person), person.getRoleInHousehold(), person.getDateOfBirth(), person.getGender()));
        }
        return members;
    }

    public static List<Fact> facts(ReferralType referral, Map<String, String> subjectIds) {
        Source source = new Source(referral.getReferrer().getAgency().getPartnerId(), referral.getReferrer().getAgency().getKind(),
                referral.getMessageId(), null);
        List<Fact> facts = new ArrayList<>();
        for (ConcernType concern : referral.getConcern()) {
            facts.add(new ReferralConcern(subject(subjectIds, (PersonType) concern.getMember()), concern.getIndicator(), concern.getObservedOn(), source));
        }
        for (AssessmentReferenceType assessment : referral.getAssessment()) {
            facts.add(new Assessment(assessment.getKind(), assessment.getReference(),
                    assessment.getCompletedOn() != null ? assessment.getCompletedOn() : referral.getCreatedAt().toLocalDate(),
                    assessment.isPermissionToShare(), source));
        }
        ConsentType consent = referral.getConsent();
        if (consent != null) {
            facts.add(new SharingBasis(SharingBasisType.CONSENT, consent.getGivenOn(), consent.getExpiresOn(), null, source));
        } else {
            facts.add(new SharingBasis(SharingBasisType.LAWFUL_BASIS, referral.getCreatedAt().toLocalDate(), null, null, source));
        }
        return facts;
    }

    private static String subject(Map<String, String> subjectIds, PersonType person) {
        String id = subjectIds.get(person.getRef());
        if (id == null) {
            throw new IllegalArgumentException("no subject id was given for household member " + person.getRef());
        }
        return id;
    }
}
