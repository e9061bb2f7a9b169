package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.familygateway.model.v1.DecisionOutcomeType;

/**
 * What a rule set decides for a household on a day, and why: the outcome with its reason and the
 * words it rests on, the tier suggested, where the family is routed, every problem with its
 * indicators and evidence, what is missing, and the readings of the document that were used.
 */
public record Decision(RuleSetReference ruleSet, String householdId, LocalDate evaluatedOn, Verdict verdict,
                       List<ProblemResult> problems, List<IndicatorResult> conditions, List<String> readings) {

    /** Which rule set decided, so that a decision can always be traced to the version of the rules. */
    public record RuleSetReference(String id, String version, String title, LocalDate effectiveFrom) {
    }

    /**
     * The outcome itself.
     *
     * @param tier suggested level of intervention, or null
     * @param routedTo where the family is sent instead, for ROUTED_ELSEWHERE
     * @param missing what the household lacks for a better outcome, in plain words
     */
    public record Verdict(DecisionOutcomeType outcome, String reason, Citation citation, String tier, String tierReason,
                          String routedTo, List<String> missing) {
    }

    public DecisionOutcomeType outcome() {
        return verdict.outcome();
    }

    public List<String> missing() {
        return verdict.missing();
    }

    /** The problems met, by code. */
    public List<String> problemsMet() {
        return problems.stream().filter(ProblemResult::met).map(ProblemResult::code).toList();
    }

    /** Every indicator and condition met, by code. */
    public List<String> indicatorsMet() {
        return allIndicators().stream().filter(IndicatorResult::met).map(IndicatorResult::code).toList();
    }

    public List<IndicatorResult> allIndicators() {
        List<IndicatorResult> all = new ArrayList<>();
        problems.forEach(p -> all.addAll(p.indicators()));
        all.addAll(conditions);
        return all;
    }

    public IndicatorResult indicator(String code) {
        return allIndicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the rule set has no indicator " + code));
    }

    /**
     * Whether another decision says the same thing: outcome, tier, routing, and each indicator met
     * for the same members. Evidence that changes nothing else does not count as a change.
     */
    public boolean sameAs(Decision other) {
        return outcome() == other.outcome() && Objects.equals(verdict.tier(), other.verdict.tier())
                && Objects.equals(verdict.routedTo(), other.verdict.routedTo())
                && summary(this).equals(summary(other));
    }

    private static List<String> summary(Decision decision) {
        return decision.allIndicators().stream().map(i -> i.code() + "=" + i.met() + i.members()).toList();
    }
}
