package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.familygateway.model.v1.DecisionOutcomeType;

/**
 * Turns evaluated problems into an outcome. Decision rules are in order, best first: the first that
 * holds decides, and each rule before it says what the household lacks for that better outcome.
 * Requirements then apply to the outcome; a tier is suggested last. Evidence
 * that was missing is listed only when the household fell short of a better outcome.
 */
final class Verdicts {

    private Verdicts() {
    }

    static Decision.Verdict decide(RuleSet rules, Results results, List<ProblemResult> problems, List<IndicatorResult> conditions) {
        List<DecisionRule> ordered = rules.decisions().rules();
        int chosen = 0;
        while (chosen < ordered.size() && !ordered.get(chosen).when().holds(results)) {
            chosen++;
        }
        DecisionRule rule = chosen < ordered.size() ? ordered.get(chosen) : rules.decisions().otherwise();
        Set<String> missing = new LinkedHashSet<>();
        for (DecisionRule better : ordered.subList(0, chosen)) {
            missing.add(goal(better) + ": " + String.join("; ", better.when().shortfall(results)) + ".");
        }
        DecisionOutcomeType outcome = rule.outcome();
        String reason = rule.reason();
        for (Requirement requirement : rules.decisions().requirements()) {
            if (requirement.appliesTo().contains(rule.outcome()) && !results.get(requirement.need()).met()) {
                missing.add(requirement.missing());
                if (requirement.otherwise() != null) {
                    outcome = requirement.otherwise();
                    reason = reason + " " + requirement.reason();
                }
            }
        }
        if (chosen > 0 || outcome != rule.outcome()) {
            missing.addAll(gaps(problems, conditions));
        }
        TierRule tier = tier(rules, results, outcome);
        return new Decision.Verdict(outcome, reason, rule.citation(), tier == null ? null : tier.tier(),
                tier == null ? null : tier.description(), outcome == DecisionOutcomeType.ROUTED_ELSEWHERE ? rule.routedTo() : null,
                List.copyOf(missing));
    }

    private static String goal(DecisionRule rule) {
        return switch (rule.outcome()) {
            case INCLUDED -> "To be included";
            case TO_BE_CONSIDERED -> "To be considered";
            case ROUTED_ELSEWHERE -> "To be routed to " + rule.routedTo();
            case NOT_ELIGIBLE -> "To be found not eligible";
        };
    }

    private static List<String> gaps(List<ProblemResult> problems, List<IndicatorResult> conditions) {
        List<IndicatorResult> all = new ArrayList<>(conditions);
        problems.forEach(p -> all.addAll(p.indicators()));
        List<String> gaps = new ArrayList<>();
        all.forEach(i -> i.gaps().forEach(g -> gaps.add("Evidence missing for \"" + i.name() + "\": " + g + ".")));
        return gaps;
    }

    private static TierRule tier(RuleSet rules, Results results, DecisionOutcomeType outcome) {
        return rules.tiers().stream()
                .filter(t -> t.when() != null && t.appliesTo().contains(outcome) && t.when().holds(results))
                .findFirst().orElse(null);
    }
}
