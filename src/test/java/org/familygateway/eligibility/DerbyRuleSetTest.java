package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.NationalRuleSetTest.ON;
import static org.familygateway.eligibility.NationalRuleSetTest.household;
import static org.familygateway.eligibility.NationalRuleSetTest.monthsAgo;
import static org.familygateway.model.v1.BenefitKindType.EMPLOYMENT_AND_SUPPORT_ALLOWANCE;
import static org.familygateway.model.v1.ConcernCodeType.MENTAL_HEALTH;
import static org.familygateway.model.v1.ConcernCodeType.YOUTH_OFFENDING;
import static org.familygateway.model.v1.DecisionOutcomeType.INCLUDED;
import static org.familygateway.model.v1.DecisionOutcomeType.NOT_ELIGIBLE;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.FIXED_TERM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derby Priority Families (001): the core criteria in Derby's words, nomination with "a local
 * discretionary criteria", and the tiered intervention model (the meeting decides; the engine
 * suggests only what the evidence can show).
 */
class DerbyRuleSetTest {

    static final RuleSet RULES = RuleSets.load("derby-2013");

    static final List<IndicatorCase> LOCAL = List.of(
            new IndicatorCase("001 L212 \"a local discretionary criteria … on the nomination e form\": the nominator names the mother's mental health",
                    household().referralConcern("mum", MENTAL_HEALTH, monthsAgo(1)).build(), "LOCAL_DISCRETIONARY", true, "Referral concern: mental health"),
            new IndicatorCase("youth offending is a core criterion, not a local discretionary one",
                    household().referralConcern("sam", YOUTH_OFFENDING, monthsAgo(1)).build(), "LOCAL_DISCRETIONARY", false, "no concern of this kind raised"));

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

    /** Sam cautioned and excluded three times this year, his mother on ESA. */
    static Family twoCore() {
        return household().offence("sam", monthsAgo(4), monthsAgo(3), YOUTH_CAUTION)
                .benefit("mum", EMPLOYMENT_AND_SUPPORT_ALLOWANCE, monthsAgo(20), null);
    }

    static Family allThreeCore() {
        return twoCore().exclusion("sam", FIXED_TERM, LocalDate.of(2012, 10, 1)).exclusion("sam", FIXED_TERM, LocalDate.of(2013, 1, 21))
                .exclusion("sam", FIXED_TERM, LocalDate.of(2013, 3, 4));
    }

    @Test
    void l185_families_who_meet_3_3_core_criteria_are_in_the_programme_with_the_high_tier_suggested() {
        Decision decision = Evaluator.evaluate(RULES, allThreeCore().build(), ON);

        assertThat(decision.outcome()).isEqualTo(INCLUDED);
        assertThat(decision.verdict().tier()).isEqualTo("HIGH");
        assertThat(decision.verdict().tierReason()).contains("caseloads of up to around 6 families");
        assertThat(decision.verdict().reason()).contains("The Vulnerable Children's Meeting decides the level of intervention.");
    }

    @Test
    void with_a_local_criterion_as_well_3_3_is_still_the_high_tier() {
        Decision decision = Evaluator.evaluate(RULES, allThreeCore().referralConcern("mum", MENTAL_HEALTH, monthsAgo(1)).build(), ON);

        assertThat(decision.verdict().tier()).isEqualTo("HIGH");
    }

    @Test
    void l212_two_core_criteria_and_a_local_discretionary_criterion_can_be_nominated_for_medium_or_low() {
        Decision decision = Evaluator.evaluate(RULES, twoCore().referralConcern("mum", MENTAL_HEALTH, monthsAgo(1)).build(), ON);

        assertThat(decision.outcome()).isEqualTo(INCLUDED);
        assertThat(decision.problemsMet()).containsExactly("CRIME_ASB", "WORK", "LOCAL");
        assertThat(decision.verdict().reason()).contains("can be nominated to the programme on the nomination e form");
        assertThat(decision.verdict().tier()).isEqualTo("MEDIUM_OR_LOW");
        assertThat(decision.verdict().tierReason()).contains("The Vulnerable Children's Meeting chooses between them.");
        assertThat(decision.missing()).containsExactly("To be included: not met: Criteria 2 Education.");
    }

    @Test
    void two_core_criteria_without_a_local_discretionary_criterion_cannot_be_nominated() {
        Decision decision = Evaluator.evaluate(RULES, twoCore().build(), ON);

        assertThat(decision.outcome()).isEqualTo(NOT_ELIGIBLE);
        assertThat(decision.verdict().tier()).isNull();
        assertThat(decision.missing()).contains("To be included: not met: A local discretionary criterion.");
    }

    @Test
    void the_medium_and_low_tiers_are_described_but_left_to_the_meeting() {
        assertThat(RULES.tiers()).extracting(TierRule::tier).containsExactly("HIGH", "MEDIUM_OR_LOW", "MEDIUM", "LOW");
        assertThat(RULES.tiers()).filteredOn(t -> t.tier().equals("MEDIUM") || t.tier().equals("LOW")).allSatisfy(t -> assertThat(t.when()).isNull());
    }
}
