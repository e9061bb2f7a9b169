package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One row of a rule set's table: a household written from the document's words, the indicator it
 * is about, whether the indicator is met, and words its explanation must contain.
 */
record IndicatorCase(String says, Household household, String code, boolean met, String explains) {

    @Override
    public String toString() {
        return says;
    }

    void check(RuleSet rules, LocalDate on) {
        IndicatorResult result = Evaluator.evaluate(rules, household, on).indicator(code);

        assertThat(result.met()).as("%s is met", code).isEqualTo(met);
        assertThat(result.explanation()).contains(explains);
        if (met) {
            assertThat(result.evidence()).as("the evidence behind %s", code).isNotEmpty();
            assertThat(result.householdLevel() || !result.members().isEmpty()).as("who meets %s", code).isTrue();
        }
    }

    /** Every indicator of the rule set is seen met and not met somewhere in the table. */
    static void assertTableCoversEveryIndicatorBothWays(RuleSet rules, List<IndicatorCase> table) {
        Set<String> codes = rules.indicators().stream().map(IndicatorRule::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> seenMet = table.stream().filter(IndicatorCase::met).map(IndicatorCase::code).collect(Collectors.toSet());
        Set<String> seenUnmet = table.stream().filter(c -> !c.met()).map(IndicatorCase::code).collect(Collectors.toSet());

        assertThat(seenMet).as("indicators seen met").containsAll(codes);
        assertThat(seenUnmet).as("indicators seen not met").containsAll(codes);
    }
}
