package org.familygateway.eligibility;

import java.time.LocalDate;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.AsbInterventionKindType;
import org.familygateway.model.v1.AssessmentKindType;
import org.familygateway.model.v1.BenefitKindType;
import org.familygateway.model.v1.CarerExceptionType;
import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.ConcernDomainType;
import org.familygateway.model.v1.CustodyKindType;
import org.familygateway.model.v1.DisposalKindType;
import org.familygateway.model.v1.ExclusionKindType;
import org.familygateway.model.v1.ExclusionReviewType;
import org.familygateway.model.v1.GenderType;
import org.familygateway.model.v1.HealthServiceType;
import org.familygateway.model.v1.HomelessnessDecisionKindType;
import org.familygateway.model.v1.HouseholdRoleType;
import org.familygateway.model.v1.IncidentRoleType;
import org.familygateway.model.v1.NotOnRollKindType;
import org.familygateway.model.v1.OffenderSchemeType;
import org.familygateway.model.v1.ProvisionKindType;
import org.familygateway.model.v1.ProvisionReasonType;
import org.familygateway.model.v1.SharingBasisType;
import org.familygateway.model.v1.SocialCareEpisodeKindType;
import org.familygateway.model.v1.SupervisionKindType;
import org.familygateway.model.v1.UcRegimeType;

/**
 * Builds households for the tests in the words of the documents: {@code family().mother("mum",
 * born).child("sam", born).offence("sam", ...)}. Every fact gets its own source, as if each came
 * in its own record from the agency that would send it.
 */
final class Family {

    private final Household.Builder household = Household.builder("test-household");
    private int records;

    static Family family() {
        return new Family();
    }

    private Source from(AgencyKindType agency) {
        records++;
        return new Source("example-" + agency.value().toLowerCase().replace('_', '-'), agency, "msg-" + records, "rec-" + records);
    }

    private Family with(Fact fact) {
        household.fact(fact);
        return this;
    }

    Household build() {
        return household.build();
    }

    // Members

    Family mother(String id, LocalDate born) {
        household.member(new Member(id, HouseholdRoleType.PARENT_OR_CARER, born, GenderType.FEMALE));
        return this;
    }

    Family father(String id, LocalDate born) {
        household.member(new Member(id, HouseholdRoleType.PARENT_OR_CARER, born, GenderType.MALE));
        return this;
    }

    Family child(String id, LocalDate born) {
        household.member(new Member(id, HouseholdRoleType.CHILD, born, GenderType.MALE));
        return this;
    }

    Family otherAdult(String id, LocalDate born) {
        household.member(new Member(id, HouseholdRoleType.OTHER_ADULT, born, GenderType.NOT_KNOWN));
        return this;
    }

    // School

    Family attendance(String member, String term, int possible, int authorised, int unauthorised) {
        Term t = Term.parse(term);
        return with(new Attendance(member, t, possible, authorised, unauthorised, true, SchoolCalendar.censusWindow(t).to(), from(AgencyKindType.SCHOOL)));
    }

    Family subsidiaryAttendance(String member, String term, int possible, int authorised, int unauthorised) {
        Term t = Term.parse(term);
        return with(new Attendance(member, t, possible, authorised, unauthorised, false, SchoolCalendar.censusWindow(t).to(), from(AgencyKindType.SCHOOL)));
    }

    Family exclusion(String member, ExclusionKindType kind, LocalDate start) {
        return with(new Exclusion(member, kind, start, null, from(AgencyKindType.SCHOOL)));
    }

    Family reviewedExclusion(String member, ExclusionKindType kind, LocalDate start, ExclusionReviewType review) {
        return with(new Exclusion(member, kind, start, review, from(AgencyKindType.SCHOOL)));
    }

    Family provision(String member, ProvisionReasonType reason, LocalDate from, LocalDate to) {
        return with(new Provision(member, ProvisionKindType.PUPIL_REFERRAL_UNIT, reason, new Period(from, to), from(AgencyKindType.LOCAL_AUTHORITY)));
    }

    Family offRoll(String member, NotOnRollKindType kind, LocalDate from) {
        return with(new OffRoll(member, kind, Period.since(from), from(AgencyKindType.LOCAL_AUTHORITY)));
    }

    // Police, courts, probation

    Family offence(String member, LocalDate offence, LocalDate disposal, DisposalKindType kind) {
        return with(new Offence(member, offence, disposal, kind, null, "THEFT", false, from(AgencyKindType.POLICE)));
    }

    Family offence(String member, LocalDate offence, LocalDate disposal, DisposalKindType kind, String category, boolean sexual) {
        return with(new Offence(member, offence, disposal, kind, null, category, sexual, from(AgencyKindType.POLICE)));
    }

    Family asb(String member, AsbInterventionKindType kind, boolean housingRelated, LocalDate from, LocalDate to) {
        return with(new AsbAction(member, kind, housingRelated, new Period(from, to), from(housingRelated ? AgencyKindType.HOUSING : AgencyKindType.POLICE)));
    }

    Family incident(String member, IncidentRoleType role, LocalDate date) {
        return with(new DomesticIncident(member, "DI-" + date, date, role, true, from(AgencyKindType.POLICE)));
    }

    Family incidentKnownTo(AgencyKindType agency, String member, IncidentRoleType role, LocalDate date) {
        return with(new DomesticIncident(member, "DI-" + date, date, role, false, from(agency)));
    }

    Family offenderScheme(String member, OffenderSchemeType scheme, LocalDate from) {
        return with(new OffenderScheme(member, scheme, Period.since(from), from(AgencyKindType.POLICE)));
    }

    Family custody(String member, LocalDate reception, LocalDate expectedRelease, LocalDate released) {
        return with(new Custody(member, CustodyKindType.SENTENCED, reception, expectedRelease, released, from(AgencyKindType.PROBATION)));
    }

    Family supervision(String member, SupervisionKindType kind, LocalDate from, LocalDate to) {
        return with(new Supervision(member, kind, new Period(from, to), null, from(AgencyKindType.PROBATION)));
    }

    // Housing, DWP

    Family homelessness(String member, HomelessnessDecisionKindType decision, LocalDate date) {
        return with(new Homelessness(member, decision, date, null, from(AgencyKindType.HOUSING)));
    }

    Family benefit(String member, BenefitKindType benefit, LocalDate from, LocalDate to) {
        return with(new Benefit(member, benefit, new Period(from, to), null, null, from(AgencyKindType.JOBCENTRE_PLUS)));
    }

    Family universalCredit(String member, UcRegimeType regime, LocalDate from) {
        return with(new Benefit(member, BenefitKindType.UNIVERSAL_CREDIT, Period.since(from), regime, null, from(AgencyKindType.JOBCENTRE_PLUS)));
    }

    Family carersAllowance(String member, CarerExceptionType exception, LocalDate from) {
        return with(new Benefit(member, BenefitKindType.CARERS_ALLOWANCE, Period.since(from), null, exception, from(AgencyKindType.JOBCENTRE_PLUS)));
    }

    Family employment(String member, LocalDate from) {
        return with(new Employment(member, Period.since(from), null, from(AgencyKindType.JOBCENTRE_PLUS)));
    }

    // Children's services, health

    Family socialCare(String member, SocialCareEpisodeKindType kind, LocalDate from, LocalDate to, String reason) {
        return with(new SocialCare(member, kind, new Period(from, to), null, reason, from(AgencyKindType.CHILDRENS_SERVICES)));
    }

    Family health(String member, Need need, HealthServiceType service, LocalDate from, LocalDate to) {
        return with(new HealthNeed(member, need, service, new Period(from, to), true, from(AgencyKindType.HEALTH)));
    }

    // What professionals and referrers say

    Family professionalConcern(String member, ConcernDomainType domain, LocalDate raised, AgencyKindType agency) {
        return with(new ProfessionalConcern(member, domain, raised, "lead professional", from(agency)));
    }

    Family referralConcern(String member, ConcernCodeType code, LocalDate observed) {
        return referralConcernFrom(AgencyKindType.SCHOOL, member, code, observed);
    }

    Family referralConcernFrom(AgencyKindType agency, String member, ConcernCodeType code, LocalDate observed) {
        records++;
        return with(new ReferralConcern(member, code, observed, new Source("example-referrer", agency, "referral-" + records, null)));
    }

    Family assessment(AssessmentKindType kind, LocalDate completed) {
        return with(new Assessment(kind, "A-" + completed, completed, true, new Source("example-referrer", AgencyKindType.SCHOOL, "referral-a", null)));
    }

    Family consent(LocalDate given, LocalDate withdrawn) {
        return with(new SharingBasis(SharingBasisType.CONSENT, given, null, withdrawn, new Source("example-referrer", AgencyKindType.SCHOOL, "referral-c", null)));
    }
}
