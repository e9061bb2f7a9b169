package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates a rule set over a household's evidence on a day. The result depends on nothing but the
 * three: the same evidence, rules and day always give the same decision.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Decision evaluate(RuleSet rules, Household household, LocalDate on) {
        Context context = new Context(household, on, rules.calendar());
        List<ProblemResult> problems = rules.problems().stream().map(p -> p.evaluate(context)).toList();
        List<IndicatorResult> conditions = rules.conditions().stream().map(c -> c.evaluate(context)).toList();
        Results results = new Results(household, problems, conditions);
        RuleSet.Header header = rules.header();
        return new Decision(new Decision.RuleSetReference(header.id(), header.version(), header.title(), header.effectiveFrom()),
                household.id(), on, Verdicts.decide(rules, results, problems, conditions), problems, conditions,
                rules.parameters().stream().map(Parameter::describe).toList());
    }
}
