package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.Family.family;
import static org.familygateway.model.v1.AsbInterventionKindType.ACCEPTABLE_BEHAVIOUR_CONTRACT;
import static org.familygateway.model.v1.AsbInterventionKindType.ASBO;
import static org.familygateway.model.v1.AsbInterventionKindType.DISPERSAL_DIRECTION;
import static org.familygateway.model.v1.AsbInterventionKindType.NOTICE_SEEKING_POSSESSION_ASB;
import static org.familygateway.model.v1.BenefitKindType.CARERS_ALLOWANCE;
import static org.familygateway.model.v1.BenefitKindType.INCOME_SUPPORT;
import static org.familygateway.model.v1.BenefitKindType.JOBSEEKERS_ALLOWANCE;
import static org.familygateway.model.v1.BenefitKindType.SEVERE_DISABLEMENT_ALLOWANCE;
import static org.familygateway.model.v1.ConcernCodeType.DOMESTIC_ABUSE;
import static org.familygateway.model.v1.ConcernCodeType.SCHOOL_ATTENDANCE;
import static org.familygateway.model.v1.DecisionOutcomeType.INCLUDED;
import static org.familygateway.model.v1.DecisionOutcomeType.NOT_ELIGIBLE;
import static org.familygateway.model.v1.DecisionOutcomeType.TO_BE_CONSIDERED;
import static org.familygateway.model.v1.DisposalKindType.CONVICTION;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.FIXED_TERM;
import static org.familygateway.model.v1.ExclusionKindType.PERMANENT;
import static org.familygateway.model.v1.ExclusionReviewType.REINSTATED;
import static org.familygateway.model.v1.NotOnRollKindType.CHILD_MISSING_EDUCATION;
import static org.familygateway.model.v1.NotOnRollKindType.ELECTIVE_HOME_EDUCATION;
import static org.familygateway.model.v1.ProvisionReasonType.MEDICAL;
import static org.familygateway.model.v1.ProvisionReasonType.PREVIOUS_EXCLUSION;
import static org.familygateway.model.v1.UcRegimeType.ALL_WORK_RELATED_REQUIREMENTS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.familygateway.model.v1.CarerExceptionType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The national criteria of phase one (2012), as Norfolk (000) and Derby (001) restate them, on 8 April
 * 2013: the last three completed terms of attendance are summer 2011/12, autumn 2012/13 and spring
 * 2012/13; exclusions count from 1 August 2012 (the term under way and the two before).
 */
class NationalRuleSetTest {

    static final LocalDate ON = LocalDate.of(2013, 4, 8);
    static final RuleSet RULES = RuleSets.load("national-2012");

    static LocalDate monthsAgo(int months) {
        return ON.minusMonths(months);
    }

    /** Mother 33, Sam 14, Jordan who turns 18 on 1 June 2012. */
    static Family household() {
        return family().mother("mum", LocalDate.of(1980, 3, 1)).child("sam", LocalDate.of(1998, 5, 10))
                .child("jordan", LocalDate.of(1994, 6, 1));
    }

    static Family threeTermsOfAbsence(int unauthorisedPerTerm) {
        return household().attendance("sam", "2011/12 summer", 120, 6, unauthorisedPerTerm)
                .attendance("sam", "2012/13 autumn", 140, 4, unauthorisedPerTerm).attendance("sam", "2012/13 spring", 120, 2, unauthorisedPerTerm);
    }

    static final List<IndicatorCase> INDICATORS = List.of(
            new IndicatorCase("001 \"under 18-year-old with a proven offence in the last 12 months\": Sam, 14, cautioned 11 months ago",
                    household().offence("sam", monthsAgo(12), monthsAgo(11), YOUTH_CAUTION).build(), "YOUTH_OFFENCE", true, "sam: youth caution"),
            new IndicatorCase("a conviction proven 13 months ago is not in the last 12 months",
                    household().offence("sam", monthsAgo(14), monthsAgo(13), CONVICTION).build(), "YOUTH_OFFENCE", false, "more than 12 months before"),
            new IndicatorCase("proven exactly 12 months before is outside the window, which starts the day after",
                    household().offence("sam", monthsAgo(13), ON.minusYears(1), CONVICTION).build(), "YOUTH_OFFENCE", false, "more than 12 months"),
            new IndicatorCase("proven 12 months less a day before is inside the window",
                    household().offence("sam", monthsAgo(13), ON.minusYears(1).plusDays(1), CONVICTION).build(), "YOUTH_OFFENCE", true, "sam: conviction"),
            new IndicatorCase("an offence committed at 17 and proven at 18 is still youth offending (age at the offence)",
                    household().offence("jordan", LocalDate.of(2012, 5, 20), LocalDate.of(2012, 7, 2), CONVICTION).build(), "YOUTH_OFFENCE", true, "aged 17 at the offence"),
            new IndicatorCase("an adult's offence is not the youth offending limb",
                    household().offence("mum", monthsAgo(3), monthsAgo(2), CONVICTION).build(), "YOUTH_OFFENCE", false, "was 32 on the offence date"),
            new IndicatorCase("000 \"has an anti-social behaviour order … in the last 12 months\": an ASBO made 6 months ago",
                    household().asb("jordan", ASBO, false, monthsAgo(6), null).build(), "ASB", true, "jordan: Asbo"),
            new IndicatorCase("an order made 18 months ago and still in force 6 months ago counts (in force in the window)",
                    household().asb("jordan", ASBO, false, monthsAgo(18), monthsAgo(6)).build(), "ASB", true, "jordan: Asbo"),
            new IndicatorCase("an anti-social behaviour contract that ended 13 months ago does not",
                    household().asb("sam", ACCEPTABLE_BEHAVIOUR_CONTRACT, false, monthsAgo(19), monthsAgo(13)).build(), "ASB", false, "not in the last 12 months"),
            new IndicatorCase("000 \"the family has been subject to a housing related ASB intervention\": a notice seeking possession",
                    household().asb("mum", NOTICE_SEEKING_POSSESSION_ASB, true, monthsAgo(3), null).build(), "ASB", true, "(housing related)"),
            new IndicatorCase("a police dispersal direction is none of the interventions the criteria list",
                    household().asb("jordan", DISPERSAL_DIRECTION, false, monthsAgo(2), monthsAgo(2)).build(), "ASB", false, "not one of the interventions listed"),
            new IndicatorCase("000 \"Has been subject to a permanent exclusion\": in January 2013",
                    household().exclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15)).build(), "PERMANENT_EXCLUSION", true, "sam: Permanent exclusion"),
            new IndicatorCase("a permanent exclusion two years ago is not over the last three consecutive terms",
                    household().exclusion("sam", PERMANENT, LocalDate.of(2011, 3, 1)).build(), "PERMANENT_EXCLUSION", false, "not in the last 3 terms"),
            new IndicatorCase("a permanent exclusion overturned on review (reinstated) does not count",
                    household().reviewedExclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15), REINSTATED).build(), "PERMANENT_EXCLUSION", false, "no longer stands"),
            new IndicatorCase("000 \"three or more fixed term exclusions over the last three consecutive terms\": three",
                    household().exclusion("sam", FIXED_TERM, LocalDate.of(2012, 10, 1)).exclusion("sam", FIXED_TERM, LocalDate.of(2013, 2, 4))
                            .exclusion("sam", FIXED_TERM, LocalDate.of(2013, 4, 2)).build(), "FIXED_TERM_EXCLUSIONS", true, "sam: 3 fixed term exclusion(s)"),
            new IndicatorCase("two fixed-term exclusions are not three",
                    household().exclusion("sam", FIXED_TERM, LocalDate.of(2012, 10, 1)).exclusion("sam", FIXED_TERM, LocalDate.of(2013, 2, 4)).build(),
                    "FIXED_TERM_EXCLUSIONS", false, "sam: 2 fixed term exclusion(s)"),
            new IndicatorCase("three, but one of them before the last three terms, are two",
                    household().exclusion("sam", FIXED_TERM, LocalDate.of(2012, 6, 1)).exclusion("sam", FIXED_TERM, LocalDate.of(2012, 10, 1))
                            .exclusion("sam", FIXED_TERM, LocalDate.of(2013, 2, 4)).build(), "FIXED_TERM_EXCLUSIONS", false, "3 are needed"),
            new IndicatorCase("001 \"Is in a Pupil Referral Unit … because they have previously been excluded\"",
                    household().provision("sam", PREVIOUS_EXCLUSION, LocalDate.of(2013, 2, 1), null).build(), "ALTERNATIVE_PROVISION", true, "previous exclusion"),
            new IndicatorCase("a pupil referral unit placement for medical reasons is not because of an exclusion",
                    household().provision("sam", MEDICAL, LocalDate.of(2013, 2, 1), null).build(), "ALTERNATIVE_PROVISION", false, "the reasons that count are previous exclusion"),
            new IndicatorCase("a placement that ended before the evaluation date does not count",
                    household().provision("sam", PREVIOUS_EXCLUSION, LocalDate.of(2012, 2, 1), LocalDate.of(2012, 7, 20)).build(), "ALTERNATIVE_PROVISION", false, "not placed there"),
            new IndicatorCase("000 \"Is not on a school roll (Children Missing Education (CME))\"",
                    household().offRoll("sam", CHILD_MISSING_EDUCATION, LocalDate.of(2013, 2, 11)).build(), "NOT_ON_ROLL", true, "(child missing education)"),
            new IndicatorCase("a child educated at home is not missing education",
                    household().offRoll("sam", ELECTIVE_HOME_EDUCATION, LocalDate.of(2012, 9, 1)).build(), "NOT_ON_ROLL", false, "only child missing education counts"),
            new IndicatorCase("000 \"15% or more unauthorised absence\": exactly 15.00% (57 of 380 sessions) is met",
                    threeTermsOfAbsence(19).build(), "UNAUTHORISED_ABSENCE", true, "57 of 380 possible sessions were unauthorised absences (15.00%)"),
            new IndicatorCase("14.9% (149 of 1000 sessions) is not 15%",
                    household().attendance("sam", "2011/12 summer", 330, 0, 49).attendance("sam", "2012/13 autumn", 340, 0, 50)
                            .attendance("sam", "2012/13 spring", 330, 0, 50).build(), "UNAUTHORISED_ABSENCE", false, "149 of 1000 possible sessions were unauthorised absences (14.90%)"),
            new IndicatorCase("authorised absence does not count towards the 15% of unauthorised absence",
                    household().attendance("sam", "2011/12 summer", 100, 30, 10).attendance("sam", "2012/13 autumn", 100, 30, 10)
                            .attendance("sam", "2012/13 spring", 100, 30, 10).build(), "UNAUTHORISED_ABSENCE", false, "30 of 300"),
            new IndicatorCase("a subsidiary school's return is not counted again",
                    threeTermsOfAbsence(10).subsidiaryAttendance("sam", "2012/13 spring", 40, 0, 40).build(), "UNAUTHORISED_ABSENCE", false, "30 of 380"),
            new IndicatorCase("with one term's return missing, absence over three terms cannot be worked out",
                    household().attendance("sam", "2012/13 autumn", 140, 0, 70).attendance("sam", "2012/13 spring", 120, 0, 60).build(),
                    "UNAUTHORISED_ABSENCE", false, "attendance returns for only 2 of the last 3 terms"),
            new IndicatorCase("001 \"an adult on Department for Work and Pensions out of work benefits\": Jobseekers Allowance",
                    household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null).build(), "OUT_OF_WORK_BENEFIT", true, "mum: Jobseekers allowance"),
            new IndicatorCase("001 lists Severe Disablement Allowance",
                    household().benefit("mum", SEVERE_DISABLEMENT_ALLOWANCE, monthsAgo(30), null).build(), "OUT_OF_WORK_BENEFIT", true, "mum: Severe disablement allowance"),
            new IndicatorCase("001 lists Carer's Allowance with no exceptions",
                    household().carersAllowance("mum", CarerExceptionType.TWENTY_FOUR_HOUR_CARE, monthsAgo(30)).build(), "OUT_OF_WORK_BENEFIT", true, "mum: Carers allowance"),
            new IndicatorCase("a claim that ended last month is not being received",
                    household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), monthsAgo(1)).build(), "OUT_OF_WORK_BENEFIT", false, "no adult with an open claim"),
            new IndicatorCase("Universal Credit is not on the 2012 list",
                    household().universalCredit("mum", ALL_WORK_RELATED_REQUIREMENTS, monthsAgo(2)).build(), "OUT_OF_WORK_BENEFIT", false, "Universal Credit does not count"),
            new IndicatorCase("a 17-year-old on Income Support is not an adult",
                    household().child("kim", LocalDate.of(1995, 9, 1)).benefit("kim", INCOME_SUPPORT, LocalDate.of(2012, 1, 10), null).build(),
                    "OUT_OF_WORK_BENEFIT", false, "no adult with an open claim"),
            new IndicatorCase("000 \"one or more of the Local Criteria\": the referrer names domestic abuse",
                    household().referralConcern("mum", DOMESTIC_ABUSE, monthsAgo(2)).build(), "LOCAL_CRITERION", true, "Referral concern: domestic abuse"),
            new IndicatorCase("a concern about attendance is a national criterion, not a local one",
                    household().referralConcern("sam", SCHOOL_ATTENDANCE, monthsAgo(2)).build(), "LOCAL_CRITERION", false, "no concern of this kind"),
            new IndicatorCase("a local concern raised 14 months ago is out of date",
                    household().referralConcern("mum", DOMESTIC_ABUSE, monthsAgo(14)).build(), "LOCAL_CRITERION", false, "more than 12 months before"));

    static List<IndicatorCase> indicators() {
        return INDICATORS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void indicator(IndicatorCase row) {
        row.check(RULES, ON);
    }

    @Test
    void the_table_sees_every_indicator_met_and_not_met() {
        IndicatorCase.assertTableCoversEveryIndicatorBothWays(RULES, INDICATORS);
    }

    /** A household meeting the three national criteria, each by one fact. */
    static Family allThree() {
        return household().offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION)
                .exclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15))
                .benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null);
    }

    record DecisionCase(String says, Household household, DecisionOutcomeType outcome, List<String> problems, String reasonOrMissing) {
        @Override
        public String toString() {
            return says;
        }
    }

    static List<DecisionCase> decisions() {
        return List.of(
                new DecisionCase("000 \"If the family fulfil all three National Criteria they are automatically included in the programme\"",
                        allThree().build(), INCLUDED, List.of("CRIME_ASB", "EDUCATION", "WORK"), "included in the programme automatically"),
                new DecisionCase("000 \"any two of the National Criteria AND one or more of the Local Criteria they should be considered\"",
                        household().offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null)
                                .referralConcern("mum", DOMESTIC_ABUSE, monthsAgo(1)).build(),
                        TO_BE_CONSIDERED, List.of("CRIME_ASB", "WORK", "LOCAL"), "To be included: not met: Education."),
                new DecisionCase("two national criteria without a local criterion are not enough",
                        household().offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null).build(),
                        NOT_ELIGIBLE, List.of("CRIME_ASB", "WORK"), "To be considered: not met: A local criterion."),
                new DecisionCase("one national criterion and a local criterion are not enough",
                        household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null).referralConcern("mum", DOMESTIC_ABUSE, monthsAgo(1)).build(),
                        NOT_ELIGIBLE, List.of("WORK", "LOCAL"), "at least 2 needed, 1 of Crime and anti-social behaviour, Education and Worklessness met (Worklessness)"),
                new DecisionCase("a household about which nothing is known is not eligible",
                        household().build(), NOT_ELIGIBLE, List.of(), "To be included: not met: Crime and anti-social behaviour, Education and Worklessness."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decision(DecisionCase row) {
        Decision decision = Evaluator.evaluate(RULES, row.household(), ON);

        assertThat(decision.outcome()).isEqualTo(row.outcome());
        assertThat(decision.problemsMet()).containsExactlyElementsOf(row.problems());
        assertThat(decision.verdict().reason() + " " + String.join(" ", decision.missing())).contains(row.reasonOrMissing());
    }

    @Test
    void evidence_missing_to_decide_an_indicator_is_listed_when_the_family_falls_short() {
        Household partial = household().attendance("sam", "2012/13 autumn", 140, 0, 70).attendance("sam", "2012/13 spring", 120, 0, 60)
                .benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null).build();

        Decision decision = Evaluator.evaluate(RULES, partial, ON);

        assertThat(decision.outcome()).isEqualTo(NOT_ELIGIBLE);
        assertThat(decision.missing()).contains("Evidence missing for \"A child with 15% or more unauthorised absence over the last three consecutive terms\": "
                + "sam: no attendance return for summer 2011/12, so absence over the last 3 terms cannot be worked out.");
    }

    @Test
    void an_included_decision_names_its_rule_set_date_and_the_words_it_rests_on() {
        Decision decision = Evaluator.evaluate(RULES, allThree().build(), ON);

        assertThat(decision.ruleSet().id()).isEqualTo("national-2012");
        assertThat(decision.ruleSet().version()).isEqualTo("1");
        assertThat(decision.evaluatedOn()).isEqualTo(ON);
        assertThat(decision.verdict().citation().describe())
                .isEqualTo("000_e2f8ede2ec3cae99.txt line 17: \"If the family fulfil all three National Criteria they are automatically included in the programme.\"");
        assertThat(decision.missing()).isEmpty();
        assertThat(decision.indicator("YOUTH_OFFENCE").evidence()).singleElement()
                .satisfies(fact -> assertThat(fact.source().agency()).hasToString("POLICE"));
    }

    @Test
    void seeds_analysis_8_3_aggregate_absence_is_14_75_percent_and_not_met() {
        IndicatorResult absence = Evaluator.evaluate(RULES, aggregateVersusMean(), ON).indicator("UNAUTHORISED_ABSENCE");

        assertThat(absence.met()).isFalse();
        assertThat(absence.explanation()).contains("59 of 400 possible sessions were unauthorised absences (14.75%)");
    }

    @Test
    void seeds_analysis_8_3_the_mean_of_termly_rates_is_15_95_percent_and_met() {
        RuleSet meanOfTerms = RuleSets.load("national-2012", Map.of("absence_averaging", "MEAN_OF_TERMS"));

        IndicatorResult absence = Evaluator.evaluate(meanOfTerms, aggregateVersusMean(), ON).indicator("UNAUTHORISED_ABSENCE");

        assertThat(absence.met()).isTrue();
        assertThat(absence.explanation()).contains("summer 2011/12 25/100 = 25.00%, autumn 2012/13 16/160 = 10.00%, spring 2012/13 18/140 = 12.86%) is 15.95%");
    }

    /** Possible sessions 100, 160 and 140; unauthorised 25, 16 and 18. */
    private static Household aggregateVersusMean() {
        return household().attendance("sam", "2011/12 summer", 100, 0, 25).attendance("sam", "2012/13 autumn", 160, 0, 16)
                .attendance("sam", "2012/13 spring", 140, 0, 18).build();
    }

    @Test
    void read_as_under_18_on_the_evaluation_date_an_offence_at_17_proven_at_18_no_longer_counts() {
        RuleSet ageNow = RuleSets.load("national-2012", Map.of("youth_offence_age_anchor", "EVALUATION_DATE"));
        Household jordan = household().offence("jordan", LocalDate.of(2012, 5, 20), LocalDate.of(2012, 7, 2), CONVICTION).build();

        assertThat(Evaluator.evaluate(ageNow, jordan, ON).indicator("YOUTH_OFFENCE").explanation()).contains("was 18 on the evaluation date");
    }

    @Test
    void read_as_made_in_the_window_an_order_made_18_months_ago_no_longer_counts() {
        RuleSet madeInWindow = RuleSets.load("national-2012", Map.of("asb_window", "STARTED_IN_WINDOW"));
        Household household = household().asb("jordan", ASBO, false, monthsAgo(18), monthsAgo(6)).build();

        assertThat(Evaluator.evaluate(madeInWindow, household, ON).indicator("ASB").met()).isFalse();
    }

    @Test
    void read_as_ever_a_permanent_exclusion_two_years_ago_counts() {
        RuleSet ever = RuleSets.load("national-2012", Map.of("permanent_exclusion_window", "EVER"));
        Household household = household().exclusion("sam", PERMANENT, LocalDate.of(2011, 3, 1)).build();

        assertThat(Evaluator.evaluate(ever, household, ON).indicator("PERMANENT_EXCLUSION").met()).isTrue();
    }

    @Test
    void the_same_evidence_in_any_order_gives_the_same_decision() {
        Household forwards = allThree().referralConcern("mum", DOMESTIC_ABUSE, monthsAgo(1)).build();
        Household backwards = household().referralConcern("mum", DOMESTIC_ABUSE, monthsAgo(1))
                .benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(8), null).exclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15))
                .offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION).build();

        assertThat(Evaluator.evaluate(RULES, backwards, ON)).usingRecursiveComparison()
                .ignoringFieldsMatchingRegexes(".*source.*").isEqualTo(Evaluator.evaluate(RULES, forwards, ON));
    }
}
