package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.NationalRuleSetTest.ON;
import static org.familygateway.eligibility.NationalRuleSetTest.household;
import static org.familygateway.eligibility.NationalRuleSetTest.monthsAgo;
import static org.familygateway.model.v1.BenefitKindType.JOBSEEKERS_ALLOWANCE;
import static org.familygateway.model.v1.ConcernCodeType.NEET;
import static org.familygateway.model.v1.DecisionOutcomeType.INCLUDED;
import static org.familygateway.model.v1.DecisionOutcomeType.NOT_ELIGIBLE;
import static org.familygateway.model.v1.DecisionOutcomeType.TO_BE_CONSIDERED;
import static org.familygateway.model.v1.DisposalKindType.ADULT_CAUTION;
import static org.familygateway.model.v1.DisposalKindType.CONVICTION;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.PERMANENT;
import static org.familygateway.model.v1.HomelessnessDecisionKindType.INTENTIONALLY_HOMELESS;
import static org.familygateway.model.v1.HomelessnessDecisionKindType.MAIN_DUTY_OWED;
import static org.familygateway.model.v1.IncidentRoleType.VICTIM;
import static org.familygateway.model.v1.OffenderSchemeType.INTEGRATED_OFFENDER_MANAGEMENT;
import static org.familygateway.model.v1.OffenderSchemeType.YOUTH_OFFENDING_SERVICE;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.CHILD_IN_NEED;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.LOOKED_AFTER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.HealthServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Norfolk Family Focus (000): the National Criteria in Norfolk's words, its twelve Local Criteria,
 * "automatically included" and "should be considered", and consent before allocation.
 */
class NorfolkRuleSetTest {

    static final RuleSet RULES = RuleSets.load("norfolk-2013");

    static Family withCasey() {
        return household().child("casey", LocalDate.of(2004, 11, 23));
    }

    static final List<IndicatorCase> LOCAL = List.of(
            new IndicatorCase("L1 \"An adult in the family who has been convicted in the last 12 months\"",
                    household().offence("mum", monthsAgo(4), monthsAgo(3), CONVICTION).build(), "L01_ADULT_CONVICTED_OR_OOCD", true, "mum: conviction"),
            new IndicatorCase("L1 \"or dealt with by out of court disposal\": an adult caution 14 months ago is too old",
                    household().offence("mum", monthsAgo(15), monthsAgo(14), ADULT_CAUTION).build(), "L01_ADULT_CONVICTED_OR_OOCD", false, "more than 12 months"),
            new IndicatorCase("L2 \"Adults who are subject to 180 degree offender management\"",
                    household().offenderScheme("jordan", INTEGRATED_OFFENDER_MANAGEMENT, LocalDate.of(2012, 9, 1)).build(), "L02_OFFENDER_MANAGEMENT", true, "jordan: Integrated offender management"),
            new IndicatorCase("a youth offending service is not adult offender management",
                    household().offenderScheme("jordan", YOUTH_OFFENDING_SERVICE, LocalDate.of(2012, 9, 1)).build(), "L02_OFFENDER_MANAGEMENT", false, "not counted"),
            new IndicatorCase("L3 \"An adult in the family who is in prison\"",
                    household().custody("mum", LocalDate.of(2013, 1, 10), LocalDate.of(2013, 9, 1), null).build(), "L03_ADULT_IN_PRISON", true, "mum: In custody"),
            new IndicatorCase("an adult released from prison before the evaluation date is not in prison",
                    household().custody("mum", LocalDate.of(2012, 6, 10), LocalDate.of(2013, 3, 1), LocalDate.of(2013, 3, 1)).build(), "L03_ADULT_IN_PRISON", false, "not in prison"),
            new IndicatorCase("L4 \"Children subject to Sec 17 Plan\"",
                    household().socialCare("sam", CHILD_IN_NEED, LocalDate.of(2013, 1, 7), null, null).build(), "L04_SECTION_17_PLAN", true, "sam: Child in need"),
            new IndicatorCase("a child in need plan closed last year is not a current plan",
                    household().socialCare("sam", CHILD_IN_NEED, LocalDate.of(2011, 1, 7), LocalDate.of(2012, 2, 1), null).build(), "L04_SECTION_17_PLAN", false, "not open on 8 April 2013"),
            new IndicatorCase("L5 \"Sibling who has had an episode in LA care in the last 12 months\": in care last summer",
                    withCasey().socialCare("casey", LOOKED_AFTER, LocalDate.of(2012, 6, 1), LocalDate.of(2012, 9, 1), null).build(), "L05_SIBLING_IN_CARE", true, "casey: Looked after"),
            new IndicatorCase("an episode in care that ended 16 months ago is not in the last 12 months",
                    withCasey().socialCare("casey", LOOKED_AFTER, LocalDate.of(2011, 6, 1), LocalDate.of(2011, 12, 1), null).build(), "L05_SIBLING_IN_CARE", false, "open at some point in the last 12 months"),
            new IndicatorCase("L6 \"Parental ill health\": a mother known to adult mental health services",
                    household().health("mum", Need.MENTAL_HEALTH, HealthServiceType.ADULT_MENTAL_HEALTH, LocalDate.of(2012, 3, 1), null).build(), "L06_PARENTAL_ILL_HEALTH", true, "mum: Mental health"),
            new IndicatorCase("a child's ill health is not parental ill health",
                    household().health("sam", Need.PHYSICAL_HEALTH, HealthServiceType.GP, LocalDate.of(2012, 3, 1), null).build(), "L06_PARENTAL_ILL_HEALTH", false, "no mental health and physical health need"),
            new IndicatorCase("L7 \"Intentionally homeless\"",
                    household().homelessness("mum", INTENTIONALLY_HOMELESS, monthsAgo(5)).build(), "L07_INTENTIONALLY_HOMELESS", true, "intentionally homeless"),
            new IndicatorCase("owed the main housing duty is not intentionally homeless",
                    household().homelessness("mum", MAIN_DUTY_OWED, monthsAgo(5)).build(), "L07_INTENTIONALLY_HOMELESS", false, "only intentionally homeless counts"),
            new IndicatorCase("L8 \"Domestic abuse\": a mother who was the victim of an incident in January",
                    household().incident("mum", VICTIM, LocalDate.of(2013, 1, 12)).build(), "L08_DOMESTIC_ABUSE", true, "role: victim"),
            new IndicatorCase("an incident two years ago is outside the 12 months read into \"Domestic abuse\"",
                    household().incident("mum", VICTIM, LocalDate.of(2011, 4, 2)).build(), "L08_DOMESTIC_ABUSE", false, "more than 12 months"),
            new IndicatorCase("L9 \"Substance misuse\"",
                    household().health("jordan", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, LocalDate.of(2012, 11, 1), null).build(), "L09_SUBSTANCE_MISUSE", true, "jordan: Substance misuse"),
            new IndicatorCase("substance misuse known to a service until last year is not current",
                    household().health("jordan", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, LocalDate.of(2011, 1, 1), LocalDate.of(2012, 1, 1)).build(),
                    "L09_SUBSTANCE_MISUSE", false, "not known on 8 April 2013"),
            new IndicatorCase("L10 \"Children in receipt of CAMHS\"",
                    household().health("sam", Need.MENTAL_HEALTH, HealthServiceType.CAMHS, LocalDate.of(2012, 10, 1), null).build(), "L10_CAMHS", true, "known to camhs"),
            new IndicatorCase("a child seen by a GP for mental health is not in receipt of CAMHS",
                    household().health("sam", Need.MENTAL_HEALTH, HealthServiceType.GP, LocalDate.of(2012, 10, 1), null).build(), "L10_CAMHS", false, "only camhs counts"),
            new IndicatorCase("L11 \"Young people who are NEET\": Jordan, 18, named NEET by the referrer",
                    household().referralConcern("jordan", NEET, monthsAgo(1)).build(), "L11_NEET", true, "Referral concern: neet"),
            new IndicatorCase("a 14-year-old is not a young person who could be NEET",
                    household().referralConcern("sam", NEET, monthsAgo(1)).build(), "L11_NEET", false, "no concern of this kind raised"),
            new IndicatorCase("L12 \"Adults who have committed at least one under reported sexual offence\"",
                    household().offence("mum", LocalDate.of(2009, 2, 1), LocalDate.of(2009, 8, 1), CONVICTION, "SEXUAL_OFFENCES", true).build(), "L12_SEXUAL_OFFENCE", true, "mum: conviction"),
            new IndicatorCase("an adult's theft is not a sexual offence",
                    household().offence("mum", LocalDate.of(2009, 2, 1), LocalDate.of(2009, 8, 1), CONVICTION).build(), "L12_SEXUAL_OFFENCE", false, "not a sexual offence"),
            new IndicatorCase("000 L53 \"Once a family has consented to the service\"",
                    household().consent(monthsAgo(1), null).build(), "CONSENT", true, "Consent given on 8 March 2013"),
            new IndicatorCase("a consent withdrawn last week no longer stands",
                    household().consent(monthsAgo(2), ON.minusDays(7)).build(), "CONSENT", false, "no consent that stands"));

    static List<IndicatorCase> indicators() {
        List<IndicatorCase> all = new ArrayList<>(NationalRuleSetTest.INDICATORS.stream().filter(c -> !c.code().equals("LOCAL_CRITERION")).toList());
        all.addAll(LOCAL);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void indicator(IndicatorCase row) {
        row.check(RULES, ON);
    }

    @Test
    void the_table_sees_every_indicator_met_and_not_met() {
        IndicatorCase.assertTableCoversEveryIndicatorBothWays(RULES, indicators());
    }

    static Family allThree() {
        return NationalRuleSetTest.allThree();
    }

    @Test
    void all_three_national_criteria_with_consent_are_automatically_included_and_nothing_is_missing() {
        Decision decision = Evaluator.evaluate(RULES, allThree().consent(monthsAgo(1), null).build(), ON);

        assertThat(decision.outcome()).isEqualTo(INCLUDED);
        assertThat(decision.verdict().reason()).contains("automatically included");
        assertThat(decision.missing()).isEmpty();
    }

    @Test
    void without_consent_the_family_is_still_included_but_the_consent_is_listed_as_missing() {
        Decision decision = Evaluator.evaluate(RULES, allThree().build(), ON);

        assertThat(decision.outcome()).isEqualTo(INCLUDED);
        assertThat(decision.missing()).singleElement().asString().startsWith("The family's consent to the service");
    }

    @Test
    void two_national_criteria_and_an_adult_in_prison_should_be_considered() {
        Household household = household().exclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15)).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null)
                .custody("mum", LocalDate.of(2013, 1, 10), null, null).consent(monthsAgo(1), null).build();

        Decision decision = Evaluator.evaluate(RULES, household, ON);

        assertThat(decision.outcome()).isEqualTo(TO_BE_CONSIDERED);
        assertThat(decision.problemsMet()).containsExactly("EDUCATION", "WORK", "LOCAL");
        assertThat(decision.missing()).containsExactly("To be included: not met: Crime and anti-social behaviour.");
    }

    @Test
    void two_national_criteria_without_a_local_criterion_are_not_eligible() {
        Household household = household().exclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15)).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null).build();

        assertThat(Evaluator.evaluate(RULES, household, ON).outcome()).isEqualTo(NOT_ELIGIBLE);
    }

    @Test
    void read_literally_as_convictions_only_a_youth_caution_does_not_count() {
        RuleSet convictionsOnly = RuleSets.load("norfolk-2013", Map.of("youth_offence_proven_by", "CONVICTION_ONLY"));
        Household cautioned = household().offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION).build();

        assertThat(Evaluator.evaluate(RULES, cautioned, ON).indicator("YOUTH_OFFENCE").met()).isTrue();
        assertThat(Evaluator.evaluate(convictionsOnly, cautioned, ON).indicator("YOUTH_OFFENCE").explanation()).contains("only convictions count");
    }

    @Test
    void once_norfolk_lists_its_priority_crimes_an_adult_theft_no_longer_counts() {
        RuleSet priorityCrimes = RuleSets.load("norfolk-2013", Map.of("priority_crime_categories", "BURGLARY,ROBBERY"));
        Household theft = household().offence("mum", monthsAgo(4), monthsAgo(3), CONVICTION).build();

        assertThat(Evaluator.evaluate(priorityCrimes, theft, ON).indicator("L01_ADULT_CONVICTED_OR_OOCD").explanation())
                .contains("theft is not one of the offences listed (burglary and robbery)");
    }

    @Test
    void the_rules_took_effect_on_8_april_2013() {
        Decision before = Evaluator.evaluate(RULES, allThree().build(), LocalDate.of(2013, 3, 1));

        assertThat(Explanation.of(before)).contains("Note: these rules took effect on 8 April 2013, after the evaluation date.");
    }
}
