package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.AsbInterventionKindType;
import org.familygateway.model.v1.AssessmentKindType;
import org.familygateway.model.v1.BenefitKindType;
import org.familygateway.model.v1.CarerExceptionType;
import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.ConcernDomainType;
import org.familygateway.model.v1.CustodyKindType;
import org.familygateway.model.v1.DisposalKindType;
import org.familygateway.model.v1.EnforcementGroundsType;
import org.familygateway.model.v1.EnforcementKindType;
import org.familygateway.model.v1.ExclusionKindType;
import org.familygateway.model.v1.ExclusionReviewType;
import org.familygateway.model.v1.HealthServiceType;
import org.familygateway.model.v1.HomelessnessDecisionKindType;
import org.familygateway.model.v1.IncidentRoleType;
import org.familygateway.model.v1.NotOnRollKindType;
import org.familygateway.model.v1.OffenderSchemeType;
import org.familygateway.model.v1.ProtectionCategoryType;
import org.familygateway.model.v1.ProvisionKindType;
import org.familygateway.model.v1.ProvisionReasonType;
import org.familygateway.model.v1.RegistrationKindType;
import org.familygateway.model.v1.SharingBasisType;
import org.familygateway.model.v1.SocialCareEpisodeKindType;
import org.familygateway.model.v1.SupervisionKindType;
import org.familygateway.model.v1.UcRegimeType;

/**
 * The kinds of fact a household file may hold, one per record type of the information-share schema
 * plus what a referral says (concerns, assessments, consent), with the fields of each.
 */
final class HouseholdFacts {

    private static final Map<String, Function<FactFields, Fact>> READERS = new TreeMap<>();

    static {
        schoolAndJustice(READERS);
        everythingElse(READERS);
    }

    /** School, police, housing and benefit records. */
    private static void schoolAndJustice(Map<String, Function<FactFields, Fact>> readers) {
        readers.put("school_attendance", HouseholdFacts::attendance);
        readers.put("school_exclusion", f -> new Exclusion(f.member(), f.choice("kind", ExclusionKindType.class), f.date("start"),
                f.optionalChoice("review", ExclusionReviewType.class), f.source()));
        readers.put("alternative_provision", f -> new Provision(f.member(), f.choice("kind", ProvisionKindType.class),
                f.choice("reason", ProvisionReasonType.class), f.period(), f.source()));
        readers.put("not_on_roll", f -> new OffRoll(f.member(), f.choice("kind", NotOnRollKindType.class), f.period(), f.source()));
        readers.put("proven_offence", f -> new Offence(f.member(), f.date("offence_date"), f.date("disposal_date"),
                f.choice("disposal", DisposalKindType.class), f.optionalCount("age_at_offence"), f.text("category"),
                f.flag("sexual_offence", false), f.source()));
        readers.put("asb_intervention", f -> new AsbAction(f.member(), f.choice("kind", AsbInterventionKindType.class),
                f.flag("housing_related", false), f.period(), f.source()));
        readers.put("domestic_incident", f -> new DomesticIncident(f.member(), f.text("reference"), f.date("date"),
                f.choice("role", IncidentRoleType.class), f.flag("crime_recorded", false), f.source()));
        readers.put("offender_management", f -> new OffenderScheme(f.member(), f.choice("scheme", OffenderSchemeType.class), f.period(), f.source()));
        readers.put("tenancy_enforcement", f -> new TenancyAction(f.member(), f.choice("kind", EnforcementKindType.class),
                f.choice("grounds", EnforcementGroundsType.class), f.date("date"), f.source()));
        readers.put("rent_arrears", f -> new Arrears(f.member(), f.date("as_of"), f.count("amount_pence"), f.optionalDecimal("weeks"),
                f.flag("arrangement", false), f.source()));
        readers.put("homelessness_decision", f -> new Homelessness(f.member(), f.choice("decision", HomelessnessDecisionKindType.class),
                f.date("date"), f.flag("due_to_debt", false), f.source()));
        readers.put("benefit_spell", f -> new Benefit(f.member(), f.choice("benefit", BenefitKindType.class), f.period(),
                f.optionalChoice("uc_regime", UcRegimeType.class), f.optionalChoice("carer_exception", CarerExceptionType.class), f.source()));
    }

    /** Employment, social care, health, probation, and what a referral says. */
    private static void everythingElse(Map<String, Function<FactFields, Fact>> readers) {
        readers.put("employment", f -> new Employment(f.member(), f.period(), f.optionalDecimal("hours_per_week"), f.source()));
        readers.put("social_care_episode", f -> new SocialCare(f.member(), f.choice("kind", SocialCareEpisodeKindType.class), f.period(),
                f.optionalChoice("category", ProtectionCategoryType.class), f.node().has("reason") ? f.text("reason") : null, f.source()));
        readers.put("mental_health_need", f -> health(f, Need.MENTAL_HEALTH));
        readers.put("substance_misuse", f -> health(f, Need.SUBSTANCE_MISUSE));
        readers.put("physical_health_need", f -> health(f, Need.PHYSICAL_HEALTH));
        readers.put("custody", f -> new Custody(f.member(), f.choice("kind", CustodyKindType.class), f.date("reception"),
                f.optionalDate("expected_release"), f.optionalDate("released"), f.source()));
        readers.put("supervision", f -> new Supervision(f.member(), f.choice("kind", SupervisionKindType.class), f.period(),
                f.optionalDate("recalled"), f.source()));
        readers.put("professional_concern", f -> new ProfessionalConcern(f.member(), f.choice("domain", ConcernDomainType.class),
                f.date("date"), f.text("practitioner_role"), f.source()));
        readers.put("referral_concern", f -> new ReferralConcern(f.member(), f.choice("concern", ConcernCodeType.class), f.date("date"), f.source()));
        readers.put("assessment", f -> new Assessment(f.choice("kind", AssessmentKindType.class), f.text("reference"), f.date("date"),
                f.node().has("permission_to_share") ? f.flag("permission_to_share", false) : null, f.source()));
        readers.put("consent", f -> new SharingBasis(SharingBasisType.CONSENT, f.date("given"), f.optionalDate("expires"),
                f.optionalDate("withdrawn"), f.source()));
    }

    private HouseholdFacts() {
    }

    /** A return is dated by the end of the figures it covers: by default the end of its term's census window. */
    private static Fact attendance(FactFields f) {
        Term term = Term.parse(f.text("term"));
        LocalDate date = f.optionalDate("date");
        return new Attendance(f.member(), term, f.count("possible"), f.count("authorised"), f.count("unauthorised"),
                f.optionalChoice("registration", RegistrationKindType.class) != RegistrationKindType.SUBSIDIARY,
                date != null ? date : SchoolCalendar.censusWindow(term).to(), f.source());
    }

    private static Fact health(FactFields f, Need need) {
        return new HealthNeed(f.member(), need, f.choice("service", HealthServiceType.class), f.period(), f.flag("in_treatment", false), f.source());
    }

    static Fact read(Node node, Source source) {
        String kind = node.at("fact").text();
        Function<FactFields, Fact> reader = READERS.get(kind);
        if (reader == null) {
            throw node.at("fact").fail("there is no kind of fact '" + kind + "'; the kinds are " + String.join(", ", READERS.keySet()));
        }
        FactFields fields = new FactFields(node, source);
        try {
            return fields.done(reader.apply(fields));
        } catch (IllegalArgumentException e) {
            throw node.fail(e.getMessage());
        }
    }
}
