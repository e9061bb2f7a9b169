package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.NationalRuleSetTest.ON;
import static org.familygateway.eligibility.NationalRuleSetTest.household;
import static org.familygateway.eligibility.NationalRuleSetTest.monthsAgo;
import static org.familygateway.model.v1.BenefitKindType.INCOME_SUPPORT;
import static org.familygateway.model.v1.ConcernCodeType.CHILD_IN_NEED;
import static org.familygateway.model.v1.ConcernCodeType.CHILD_NEEDS_EARLY_HELP;
import static org.familygateway.model.v1.ConcernCodeType.PARENTING;
import static org.familygateway.model.v1.ConcernCodeType.SCHOOL_ATTENDANCE;
import static org.familygateway.model.v1.DecisionOutcomeType.INCLUDED;
import static org.familygateway.model.v1.DecisionOutcomeType.NOT_ELIGIBLE;
import static org.familygateway.model.v1.DecisionOutcomeType.ROUTED_ELSEWHERE;
import static org.familygateway.model.v1.DecisionOutcomeType.TO_BE_CONSIDERED;
import static org.familygateway.model.v1.DisposalKindType.CONVICTION;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.PERMANENT;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.CHILD_PROTECTION_PLAN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.familygateway.model.v1.DecisionOutcomeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Barnet Family Focus (003): "two of the following criteria" with the national thresholds, the
 * referrer's judgement of "multiple, complex needs", and "Referral outside of the criteria" to the CAF team.
 */
class BarnetRuleSetTest {

    static final RuleSet RULES = RuleSets.load("barnet");

    static final List<IndicatorCase> CONDITIONS = List.of(
            new IndicatorCase("003 L62 \"The service takes referrals … where there are multiple, complex needs\": a school refers the family",
                    household().referralConcern("sam", SCHOOL_ATTENDANCE, monthsAgo(1)).build(), "REFERRED_WITH_COMPLEX_NEEDS", true, "Referral concern: school attendance"),
            new IndicatorCase("a referral two years old no longer speaks for the family",
                    household().referralConcern("sam", SCHOOL_ATTENDANCE, monthsAgo(24)).build(), "REFERRED_WITH_COMPLEX_NEEDS", false, "more than 12 months"),
            new IndicatorCase("003 L270 \"a vulnerable child\": Sam has a child protection plan",
                    household().socialCare("sam", CHILD_PROTECTION_PLAN, monthsAgo(5), null, null).build(), "VULNERABLE_CHILD", true, "sam: Child protection plan"),
            new IndicatorCase("a vulnerable child: the referrer says Sam needs early help",
                    household().referralConcern("sam", CHILD_NEEDS_EARLY_HELP, monthsAgo(1)).build(), "VULNERABLE_CHILD", true, "Referral concern: child needs early help"),
            new IndicatorCase("a protection plan that ended two years ago does not make a child vulnerable now",
                    household().socialCare("sam", CHILD_PROTECTION_PLAN, monthsAgo(40), monthsAgo(24), null).build(), "VULNERABLE_CHILD", false, "not open on 8 April 2013"),
            new IndicatorCase("a concern about the mother is not a vulnerable child",
                    household().referralConcern("mum", CHILD_IN_NEED, monthsAgo(1)).build(), "VULNERABLE_CHILD", false, "no concern of this kind raised"),
            new IndicatorCase("003 L270 \"the referring agency believe that a positive parenting programme/support would make a difference\"",
                    household().referralConcern("mum", PARENTING, monthsAgo(1)).build(), "PARENTING_SUPPORT_WOULD_HELP", true, "Referral concern: parenting"),
            new IndicatorCase("a referral about attendance alone does not ask for parenting support",
                    household().referralConcern("sam", SCHOOL_ATTENDANCE, monthsAgo(1)).build(), "PARENTING_SUPPORT_WOULD_HELP", false, "no concern of this kind raised"));

    static List<IndicatorCase> indicators() {
        List<IndicatorCase> all = new ArrayList<>(NationalRuleSetTest.INDICATORS.stream().filter(c -> !c.code().equals("LOCAL_CRITERION")).toList());
        all.addAll(CONDITIONS);
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

    /** Sam cautioned, his mother on Income Support: crime and worklessness. */
    static Family twoCriteria() {
        return household().offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION).benefit("mum", INCOME_SUPPORT, monthsAgo(20), null);
    }

    record DecisionCase(String says, Household household, DecisionOutcomeType outcome, String reasonOrMissing) {
        @Override
        public String toString() {
            return says;
        }
    }

    static List<DecisionCase> decisions() {
        return List.of(
                new DecisionCase("003 L248 \"meet two of the following criteria\", referred by a practitioner",
                        twoCriteria().referralConcern("sam", SCHOOL_ATTENDANCE, monthsAgo(1)).build(), INCLUDED, "two or more of the three criteria"),
                new DecisionCase("all three criteria are at least two (A-B1)",
                        twoCriteria().exclusion("sam", PERMANENT, LocalDate.of(2013, 2, 1)).referralConcern("sam", SCHOOL_ATTENDANCE, monthsAgo(1)).build(),
                        INCLUDED, "two or more of the three criteria"),
                new DecisionCase("two criteria found in agencies' data, but no practitioner has said the needs are multiple and complex",
                        twoCriteria().build(), TO_BE_CONSIDERED, "A practitioner's referral (a CAF, or an Intensive Family Focus Referral Form)"),
                new DecisionCase("003 L270 outside the criteria, a vulnerable child, and the referrer asks for parenting support: a CAF",
                        household().benefit("mum", INCOME_SUPPORT, monthsAgo(20), null).referralConcern("sam", CHILD_NEEDS_EARLY_HELP, monthsAgo(1))
                                .referralConcern("mum", PARENTING, monthsAgo(1)).build(), ROUTED_ELSEWHERE, "does not meet the full criteria"),
                new DecisionCase("outside the criteria with a vulnerable child but no belief that parenting support would help",
                        household().referralConcern("sam", CHILD_NEEDS_EARLY_HELP, monthsAgo(1)).build(), NOT_ELIGIBLE,
                        "To be routed to Barnet's CAF route"),
                new DecisionCase("a family that meets the criteria is not routed elsewhere, vulnerable child or not",
                        twoCriteria().referralConcern("sam", CHILD_NEEDS_EARLY_HELP, monthsAgo(1)).referralConcern("mum", PARENTING, monthsAgo(1)).build(),
                        INCLUDED, "two or more of the three criteria"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decision(DecisionCase row) {
        Decision decision = Evaluator.evaluate(RULES, row.household(), ON);

        assertThat(decision.outcome()).isEqualTo(row.outcome());
        assertThat(decision.verdict().reason() + " " + String.join(" ", decision.missing())).contains(row.reasonOrMissing());
        assertThat(decision.verdict().routedTo() != null).isEqualTo(row.outcome() == ROUTED_ELSEWHERE);
    }

    @Test
    void a_routed_family_is_sent_to_the_caf_team_with_the_words_of_the_guide() {
        Household household = household().referralConcern("sam", CHILD_NEEDS_EARLY_HELP, monthsAgo(1)).referralConcern("mum", PARENTING, monthsAgo(1)).build();

        Decision decision = Evaluator.evaluate(RULES, household, ON);

        assertThat(decision.verdict().routedTo()).contains("the CAF team works with the agency");
        assertThat(decision.verdict().citation().lines()).isEqualTo("270-272");
        assertThat(decision.missing()).contains("To be included: at least 2 needed, 0 of Involved in crime and/or anti-social behaviour, "
                + "Has children not attending or excluded from school and Has an adult on out of work benefits met.");
    }

    @Test
    void read_as_involved_in_crime_at_any_age_an_adults_conviction_counts() {
        RuleSet anyAge = RuleSets.load("barnet", Map.of("crime_offender_age", "ANY"));
        Household household = household().offence("mum", monthsAgo(4), monthsAgo(3), CONVICTION).build();

        assertThat(Evaluator.evaluate(RULES, household, ON).indicator("YOUTH_OFFENCE").met()).isFalse();
        assertThat(Evaluator.evaluate(anyAge, household, ON).indicator("YOUTH_OFFENCE").met()).isTrue();
    }
}
