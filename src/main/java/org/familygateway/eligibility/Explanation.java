package org.familygateway.eligibility;

import java.util.List;

/**
 * A decision in plain words, for council staff: the outcome and why, each problem and indicator
 * with what met it (or why not) and the evidence, what is missing, and the readings used.
 */
public final class Explanation {

    private static final String INDENT = "    ";

    private final StringBuilder text = new StringBuilder();

    private Explanation() {
    }

    public static String of(Decision decision) {
        Explanation explanation = new Explanation();
        explanation.heading(decision);
        explanation.verdict(decision.verdict());
        explanation.problems(decision);
        explanation.list("What is missing", decision.missing());
        explanation.list("Readings of the document used", decision.readings());
        return explanation.text.toString();
    }

    private void line(int depth, String words) {
        text.append(INDENT.repeat(depth)).append(words).append(System.lineSeparator());
    }

    private void heading(Decision decision) {
        Decision.RuleSetReference rules = decision.ruleSet();
        line(0, "Household " + decision.householdId() + ", evaluated on " + Dates.words(decision.evaluatedOn()) + " under \""
                + rules.title() + "\" (" + rules.id() + ", version " + rules.version() + ").");
        if (rules.effectiveFrom() != null && decision.evaluatedOn().isBefore(rules.effectiveFrom())) {
            line(0, "Note: these rules took effect on " + Dates.words(rules.effectiveFrom()) + ", after the evaluation date.");
        }
        line(0, "");
    }

    private void verdict(Decision.Verdict verdict) {
        line(0, "Decision: " + Words.of(verdict.outcome()).toUpperCase());
        line(1, verdict.reason());
        if (verdict.citation() != null) {
            line(1, "Words: " + verdict.citation().describe());
        }
        if (verdict.routedTo() != null) {
            line(1, "Routed to: " + verdict.routedTo());
        }
        if (verdict.tier() != null) {
            line(1, "Suggested tier: " + verdict.tier() + ". " + verdict.tierReason());
        }
        line(0, "");
    }

    private void problems(Decision decision) {
        line(0, "Problems (" + decision.problemsMet().size() + " of " + decision.problems().size() + " met)");
        for (ProblemResult problem : decision.problems()) {
            line(1, mark(problem.met()) + problem.name() + " (" + problem.code() + ")");
            problem.indicators().forEach(i -> indicator(2, i));
        }
        if (!decision.conditions().isEmpty()) {
            line(0, "");
            line(0, "Other conditions");
            decision.conditions().forEach(i -> indicator(1, i));
        }
        line(0, "");
    }

    private void indicator(int depth, IndicatorResult indicator) {
        String who = indicator.met() && !indicator.members().isEmpty() ? ", for " + Words.list(indicator.members()) : "";
        line(depth, mark(indicator.met()) + indicator.name() + " (" + indicator.code() + ")" + who);
        line(depth + 2, indicator.explanation());
        for (Fact fact : indicator.evidence()) {
            line(depth + 2, "Evidence: " + fact.summary() + " [" + fact.source().describe() + ", " + Dates.words(fact.date()) + "]");
        }
        line(depth + 2, "Words: " + indicator.citation().describe());
    }

    private static String mark(boolean met) {
        return met ? "[met]     " : "[not met] ";
    }

    private void list(String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        line(0, title);
        items.forEach(item -> line(1, "- " + item));
        line(0, "");
    }
}
