package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.Family.family;
import static org.familygateway.eligibility.NottinghamshireRuleSetTest.ON;
import static org.familygateway.eligibility.NottinghamshireRuleSetTest.absence;
import static org.familygateway.eligibility.NottinghamshireRuleSetTest.household;
import static org.familygateway.eligibility.NottinghamshireRuleSetTest.monthsAgo;
import static org.familygateway.eligibility.NottinghamshireRuleSetTest.row;
import static org.familygateway.eligibility.NottinghamshireRuleSetTest.withTeenagers;
import static org.familygateway.model.v1.AgencyKindType.HOUSING;
import static org.familygateway.model.v1.AgencyKindType.POLICE;
import static org.familygateway.model.v1.AsbInterventionKindType.DISPERSAL_DIRECTION;
import static org.familygateway.model.v1.AssessmentKindType.EARLY_HELP_ASSESSMENT;
import static org.familygateway.model.v1.BenefitKindType.INCAPACITY_BENEFIT;
import static org.familygateway.model.v1.BenefitKindType.JOBSEEKERS_ALLOWANCE;
import static org.familygateway.model.v1.CarerExceptionType.TWENTY_FOUR_HOUR_CARE;
import static org.familygateway.model.v1.ConcernCodeType.ADULT_OFFENDING;
import static org.familygateway.model.v1.ConcernCodeType.CHILD_NEEDS_EARLY_HELP;
import static org.familygateway.model.v1.ConcernCodeType.FINANCIAL_EXCLUSION;
import static org.familygateway.model.v1.ConcernCodeType.NEET;
import static org.familygateway.model.v1.ConcernCodeType.SUBSTANCE_MISUSE;
import static org.familygateway.model.v1.ConcernDomainType.CRIME;
import static org.familygateway.model.v1.ConcernDomainType.HOMELESSNESS_DUE_TO_DEBT;
import static org.familygateway.model.v1.DecisionOutcomeType.INCLUDED;
import static org.familygateway.model.v1.DecisionOutcomeType.NOT_ELIGIBLE;
import static org.familygateway.model.v1.DecisionOutcomeType.TO_BE_CONSIDERED;
import static org.familygateway.model.v1.DisposalKindType.CONVICTION;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.FIXED_TERM;
import static org.familygateway.model.v1.ExclusionKindType.PERMANENT;
import static org.familygateway.model.v1.IncidentRoleType.VICTIM;
import static org.familygateway.model.v1.NotOnRollKindType.CHILD_MISSING_EDUCATION;
import static org.familygateway.model.v1.NotOnRollKindType.ELECTIVE_HOME_EDUCATION;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.CHILD_IN_NEED;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.CHILD_PROTECTION_PLAN;
import static org.familygateway.model.v1.SupervisionKindType.LICENCE;
import static org.familygateway.model.v1.UcRegimeType.NO_WORK_RELATED_REQUIREMENTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.model.v1.HealthServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cumbria Focus Family (002) on 11 January 2016: the six themes on Nottinghamshire's thresholds, the
 * readings of "more than one family member must meet at least 2 of the 6 themes", and the Early
 * Help Assessment or Statutory Plan a request is expected to have.
 */
class CumbriaRuleSetTest {

    static final RuleSet RULES = RuleSets.load("cumbria-2015");

    static final List<IndicatorCase> THEMES = List.of(
            row("C1 \"Children not attending school.\": 10.00% absence over three terms", absence(100, 5, 5), "C1_PERSISTENT_ABSENCE", true, "(10.00%)"),
            row("C1: 9.90% absence", household().attendance("kai", "2014/15 spring", 330, 30, 3).attendance("kai", "2014/15 summer", 340, 30, 3)
                    .attendance("kai", "2015/16 autumn", 330, 30, 3), "C1_PERSISTENT_ABSENCE", false, "(9.90%)"),
            row("C1: permanently excluded in November", household().exclusion("kai", PERMANENT, LocalDate.of(2015, 11, 2)), "C1_EXCLUDED", true, "Permanent exclusion"),
            row("C1: two fixed term exclusions", household().exclusion("kai", FIXED_TERM, LocalDate.of(2015, 10, 12)).exclusion("kai", FIXED_TERM, LocalDate.of(2016, 1, 6)),
                    "C1_EXCLUDED", false, "kai: 2 fixed term"),
            row("C1: missing education", household().offRoll("kai", CHILD_MISSING_EDUCATION, monthsAgo(2)), "C1_OUT_OF_SCHOOL", true, "child missing education"),
            row("C1: educated at home", household().offRoll("kai", ELECTIVE_HOME_EDUCATION, monthsAgo(2)), "C1_OUT_OF_SCHOOL", false, "only child missing education counts"),
            row("C2 \"Family members involved in crime\": an adult convicted", household().offence("dad", monthsAgo(5), monthsAgo(4), CONVICTION),
                    "C2_PROVEN_OFFENCE", true, "dad: conviction"),
            row("C2: an offence 13 months ago", household().offence("kai", monthsAgo(13), monthsAgo(12), YOUTH_CAUTION), "C2_PROVEN_OFFENCE", false, "more than 12 months"),
            row("C2 \"or anti-social behaviour\"", household().asb("dad", DISPERSAL_DIRECTION, false, monthsAgo(3), monthsAgo(3)), "C2_ASB_INTERVENTION", true, "Dispersal direction"),
            row("C2: an intervention 14 months ago", household().asb("dad", DISPERSAL_DIRECTION, false, monthsAgo(14), monthsAgo(14)), "C2_ASB_INTERVENTION", false, "not in the last 12 months"),
            row("C2: a father in prison", household().custody("dad", LocalDate.of(2015, 3, 1), LocalDate.of(2018, 3, 1), null), "C2_PRISON_OR_PROBATION", true, "dad: In custody"),
            row("C2: a licence that ended", household().supervision("dad", LICENCE, monthsAgo(12), monthsAgo(3)), "C2_PRISON_OR_PROBATION", false, "not supervised in the community"),
            row("C2: the police's concern about Kai", household().professionalConcern("kai", CRIME, monthsAgo(2), POLICE), "C2_CRIME_CONCERN", true, "Concern about crime"),
            row("C2: a concern 18 months old", household().referralConcern("dad", ADULT_OFFENDING, monthsAgo(18)), "C2_CRIME_CONCERN", false, "more than 12 months"),
            row("C3 \"adults on out of work benefit\": Cumbria names no list, so Incapacity Benefit counts",
                    household().benefit("mum", INCAPACITY_BENEFIT, monthsAgo(70), null), "C3_OUT_OF_WORK_BENEFIT", true, "mum: Incapacity benefit"),
            row("C3: Cumbria has no Carer's Allowance exceptions", household().carersAllowance("mum", TWENTY_FOUR_HOUR_CARE, monthsAgo(30)),
                    "C3_OUT_OF_WORK_BENEFIT", true, "mum: Carers allowance"),
            row("C3: Universal Credit with no work-related requirements", household().universalCredit("dad", NO_WORK_RELATED_REQUIREMENTS, monthsAgo(3)),
                    "C3_OUT_OF_WORK_BENEFIT", false, "not subject to work-related conditions"),
            row("C3 \"Families at risk of financial exclusion\": the housing officer's concern", household().professionalConcern("mum", HOMELESSNESS_DUE_TO_DEBT, monthsAgo(2), HOUSING),
                    "C3_DEBT_RISK", true, "homelessness due to debt"),
            row("C3: a concern two years old", household().referralConcern("mum", FINANCIAL_EXCLUSION, monthsAgo(24)), "C3_DEBT_RISK", false, "more than 12 months"),
            row("C3 \"young people at risk of being out of work or training when they leave school\": Tee, 17", withTeenagers().referralConcern("tee", NEET, monthsAgo(1)),
                    "C3_YOUNG_PERSON_NEET", true, "tee: Referral concern: neet"),
            row("C3: Kai at 12 is not about to leave school", household().referralConcern("kai", NEET, monthsAgo(1)), "C3_YOUNG_PERSON_NEET", false, "no concern of this kind"),
            row("C4 \"Families living with or having experienced domestic abuse/violence.\"", household().incident("mum", VICTIM, monthsAgo(3)),
                    "C4_LIVING_WITH_ABUSE", true, "role: victim"),
            row("C4: an incident two years ago", household().incident("mum", VICTIM, monthsAgo(24)), "C4_LIVING_WITH_ABUSE", false, "more than 12 months"),
            row("C5 \"Family members with physical and/or mental health needs\": physical health counts in Cumbria",
                    household().health("dad", Need.PHYSICAL_HEALTH, HealthServiceType.GP, monthsAgo(20), null), "C5_HEALTH_NEED", true, "dad: Physical health"),
            row("C5: a need that ended", household().health("dad", Need.PHYSICAL_HEALTH, HealthServiceType.GP, monthsAgo(20), monthsAgo(2)), "C5_HEALTH_NEED", false, "not counted"),
            row("C5 \"including substance misuse\": a referrer's concern", household().referralConcern("dad", SUBSTANCE_MISUSE, monthsAgo(1)),
                    "C5_HEALTH_CONCERN", true, "Referral concern: substance misuse"),
            row("C5: a concern 14 months old", household().referralConcern("dad", SUBSTANCE_MISUSE, monthsAgo(14)), "C5_HEALTH_CONCERN", false, "more than 12 months"),
            row("C6 \"A child in need of help.\": a child in need plan", household().socialCare("kai", CHILD_IN_NEED, monthsAgo(4), null, null), "C6_SOCIAL_CARE", true, "Child in need"),
            row("C6: a plan that closed", household().socialCare("kai", CHILD_IN_NEED, monthsAgo(20), monthsAgo(8), null), "C6_SOCIAL_CARE", false, "not open on 11 January 2016"),
            row("C6: the school says Kai needs early help", household().referralConcern("kai", CHILD_NEEDS_EARLY_HELP, monthsAgo(1)), "C6_CHILD_CONCERN", true, "kai: Referral concern"),
            row("C6: a concern about an adult is not about a child", household().referralConcern("mum", CHILD_NEEDS_EARLY_HELP, monthsAgo(1)), "C6_CHILD_CONCERN", false, "no concern of this kind"),
            row("L41 \"either an Early Help Assessment or a Statutory Plan\": an Early Help Assessment", household().assessment(EARLY_HELP_ASSESSMENT, monthsAgo(1)),
                    "EHA_OR_STATUTORY_PLAN", true, "Early help assessment"),
            row("L41: a child protection plan is a Statutory Plan", household().socialCare("kai", CHILD_PROTECTION_PLAN, monthsAgo(3), null, null),
                    "EHA_OR_STATUTORY_PLAN", true, "kai: Child protection plan"),
            row("L41: neither", household(), "EHA_OR_STATUTORY_PLAN", false, "no early help assessment"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("themes")
    void indicator(IndicatorCase row) {
        row.check(RULES, ON);
    }

    static List<IndicatorCase> themes() {
        return THEMES;
    }

    @Test
    void the_table_sees_every_indicator_met_and_not_met() {
        IndicatorCase.assertTableCoversEveryIndicatorBothWays(RULES, THEMES);
    }

    /** Mother on Job Seekers Allowance (C3); Kai not attending school (C1); an Early Help Assessment. */
    static Family motherWorklessSonTruanting() {
        return absence(100, 10, 10).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(6), null).assessment(EARLY_HELP_ASSESSMENT, monthsAgo(1));
    }

    /** Mother on Job Seekers Allowance (C3) with a mental health need (C5); nothing about anyone else. */
    static Family motherAlone(Family family) {
        return family.benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(6), null).health("mum", Need.MENTAL_HEALTH, HealthServiceType.GP, monthsAgo(6), null)
                .assessment(EARLY_HELP_ASSESSMENT, monthsAgo(1));
    }

    /** Both parents and Kai, each meeting two themes. */
    static Family everyoneTwoThemes() {
        return motherAlone(household()).offence("kai", monthsAgo(5), monthsAgo(4), YOUTH_CAUTION).exclusion("kai", PERMANENT, LocalDate.of(2015, 11, 2));
    }

    /** The mother on JSA, and domestic abuse the whole family lives with (C4). */
    static Family workAndDomesticAbuse() {
        return household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(6), null).incident("mum", VICTIM, monthsAgo(2)).assessment(EARLY_HELP_ASSESSMENT, monthsAgo(1));
    }

    static Family alone() {
        return family().mother("mum", LocalDate.of(1985, 6, 1));
    }

    static Household example(String name) {
        return switch (name) {
            case "mother workless, son not attending school" -> motherWorklessSonTruanting().build();
            case "mother workless with a mental health need" -> motherAlone(household()).build();
            case "mother and son each meet two themes" -> everyoneTwoThemes().build();
            case "mother workless, the family lives with domestic abuse" -> workAndDomesticAbuse().build();
            case "a woman living alone, workless with a mental health need" -> motherAlone(alone()).build();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}: {1} read as spread across members, {2} read literally, {3} read as a multi-member household")
    @CsvSource({
            "'mother workless, son not attending school',                INCLUDED,     NOT_ELIGIBLE, INCLUDED",
            "'mother workless with a mental health need',                NOT_ELIGIBLE, NOT_ELIGIBLE, INCLUDED",
            "'mother and son each meet two themes',                      INCLUDED,     INCLUDED,     INCLUDED",
            "'mother workless, the family lives with domestic abuse',    INCLUDED,     NOT_ELIGIBLE, INCLUDED",
            "'a woman living alone, workless with a mental health need', NOT_ELIGIBLE, NOT_ELIGIBLE, NOT_ELIGIBLE"})
    void l49_more_than_one_family_member_must_meet_at_least_2_of_the_6_themes(String household, DecisionOutcomeType spread,
                                                                              DecisionOutcomeType literal, DecisionOutcomeType multiMember) {
        assertThat(outcome("SPREAD_ACROSS_MEMBERS", household)).as("spread across members").isEqualTo(spread);
        assertThat(outcome("EACH_OF_TWO_MEMBERS", household)).as("each of two members").isEqualTo(literal);
        assertThat(outcome("MULTI_MEMBER_HOUSEHOLD", household)).as("multi-member household").isEqualTo(multiMember);
    }

    private static DecisionOutcomeType outcome(String reading, String household) {
        return Evaluator.evaluate(RuleSets.load("cumbria-2015", Map.of("cumbria_member_rule", reading)), example(household), ON).outcome();
    }

    @Test
    void two_themes_met_by_one_member_are_explained_as_such() {
        Decision decision = Evaluator.evaluate(RULES, motherAlone(household()).build(), ON);

        assertThat(decision.missing()).first().asString().contains("but all by one member; they must be met across more than one member");
        assertThat(decision.readings()).anySatisfy(r -> assertThat(r).startsWith("cumbria_member_rule = SPREAD_ACROSS_MEMBERS"));
    }

    @Test
    void l41_without_an_early_help_assessment_or_statutory_plan_the_family_is_to_be_considered_and_the_referrer_contacted() {
        Household household = absence(100, 10, 10).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(6), null).build();

        Decision decision = Evaluator.evaluate(RULES, household, ON);

        assertThat(decision.outcome()).isEqualTo(TO_BE_CONSIDERED);
        assertThat(decision.verdict().reason()).contains("the Focus Family team should contact the referrer");
        assertThat(decision.missing()).singleElement().asString().contains("\"If you do not have these please contact us for more advice.\"");
    }

    @Test
    void a_family_with_a_statutory_plan_needs_no_early_help_assessment() {
        Household household = absence(100, 10, 10).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(6), null)
                .socialCare("kai", CHILD_IN_NEED, monthsAgo(4), null, null).build();

        Decision decision = Evaluator.evaluate(RULES, household, ON);

        assertThat(decision.outcome()).isEqualTo(INCLUDED);
        assertThat(decision.problemsMet()).containsExactly("C1_NOT_ATTENDING_SCHOOL", "C3_FINANCIAL_EXCLUSION", "C6_CHILD_NEEDS_HELP");
        assertThat(decision.missing()).isEmpty();
    }

    @Test
    void one_theme_is_not_enough() {
        assertThat(Evaluator.evaluate(RULES, household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(6), null).build(), ON).outcome()).isEqualTo(NOT_ELIGIBLE);
    }
}
