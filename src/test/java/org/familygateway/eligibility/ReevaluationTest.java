package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.NationalRuleSetTest.household;
import static org.familygateway.model.v1.AsbInterventionKindType.ASBO;
import static org.familygateway.model.v1.BenefitKindType.JOBSEEKERS_ALLOWANCE;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.PERMANENT;

import java.time.LocalDate;

import org.familygateway.model.v1.DecisionOutcomeType;
import org.junit.jupiter.api.Test;

/** For the scheduled job: when a household's decision changes with no new evidence, as evidence ages in or out. */
class ReevaluationTest {

    private static final RuleSet RULES = NationalRuleSetTest.RULES;

    /** Included on 8 April 2013: a youth caution of 15 June 2012, a permanent exclusion in January 2013, and Jobseeker's Allowance. */
    private static Household includedUntilTheCautionAgesOut() {
        return household().offence("sam", LocalDate.of(2012, 5, 1), LocalDate.of(2012, 6, 15), YOUTH_CAUTION)
                .exclusion("sam", PERMANENT, LocalDate.of(2013, 1, 15)).benefit("mum", JOBSEEKERS_ALLOWANCE, LocalDate.of(2012, 1, 9), null).build();
    }

    @Test
    void a_family_stops_being_included_the_day_its_only_offence_is_12_months_old() {
        Household household = includedUntilTheCautionAgesOut();

        assertThat(Reevaluation.nextChange(RULES, household, LocalDate.of(2013, 4, 8), LocalDate.of(2014, 12, 31))).contains(LocalDate.of(2013, 6, 15));
        assertThat(Evaluator.evaluate(RULES, household, LocalDate.of(2013, 6, 14)).outcome()).isEqualTo(DecisionOutcomeType.INCLUDED);
        assertThat(Evaluator.evaluate(RULES, household, LocalDate.of(2013, 6, 15)).outcome()).isEqualTo(DecisionOutcomeType.NOT_ELIGIBLE);
    }

    @Test
    void the_scheduler_is_told_whether_a_decision_may_change_between_two_runs() {
        Household household = includedUntilTheCautionAgesOut();

        assertThat(Reevaluation.mayChange(RULES, household, LocalDate.of(2013, 4, 8), LocalDate.of(2013, 6, 14))).isFalse();
        assertThat(Reevaluation.mayChange(RULES, household, LocalDate.of(2013, 6, 14), LocalDate.of(2013, 6, 15))).isTrue();
    }

    @Test
    void a_family_becomes_included_the_day_a_term_of_poor_attendance_completes() {
        Household household = household().asb("mum", ASBO, false, LocalDate.of(2013, 2, 1), null)
                .benefit("mum", JOBSEEKERS_ALLOWANCE, LocalDate.of(2012, 1, 9), null)
                .attendance("sam", "2011/12 summer", 120, 0, 0).attendance("sam", "2012/13 autumn", 140, 0, 20)
                .attendance("sam", "2012/13 spring", 120, 0, 20).attendance("sam", "2012/13 summer", 130, 0, 40).build();

        assertThat(Reevaluation.nextChange(RULES, household, LocalDate.of(2013, 5, 1), LocalDate.of(2013, 12, 31))).contains(LocalDate.of(2013, 7, 31));
        assertThat(Evaluator.evaluate(RULES, household, LocalDate.of(2013, 7, 31)).outcome()).isEqualTo(DecisionOutcomeType.INCLUDED);
    }

    @Test
    void a_household_whose_evidence_never_ages_has_no_change_coming() {
        Household household = household().benefit("mum", JOBSEEKERS_ALLOWANCE, LocalDate.of(2012, 1, 9), null).build();

        assertThat(Reevaluation.nextChange(RULES, household, LocalDate.of(2013, 4, 8), LocalDate.of(2013, 12, 31))).isEmpty();
    }

    @Test
    void the_days_to_look_at_include_each_window_edge_and_term_end() {
        assertThat(Reevaluation.candidates(RULES, includedUntilTheCautionAgesOut(), LocalDate.of(2013, 4, 8), LocalDate.of(2013, 12, 31)))
                .contains(LocalDate.of(2013, 6, 15), LocalDate.of(2013, 7, 31), LocalDate.of(2013, 8, 1), LocalDate.of(2013, 9, 1))
                .allSatisfy(day -> assertThat(day).isAfter(LocalDate.of(2013, 4, 8)).isBeforeOrEqualTo(LocalDate.of(2013, 12, 31)));
    }
}
