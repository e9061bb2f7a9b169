package org.familygateway.agreement;

import java.util.Set;

import org.familygateway.model.v1.DecisionType;
import org.familygateway.model.v1.IndicatorResultType;
import org.familygateway.model.v1.ProblemResultType;

/** A decision without the evidence that points at records taken out of the case (its summaries describe them). */
final class EvidenceFilter {

    private EvidenceFilter() {
    }

    static DecisionType without(DecisionType decision, Set<String> removedRecordIds) {
        if (decision == null || removedRecordIds.isEmpty()) {
            return decision;
        }
        DecisionType copy = new DecisionType();
        copy.setOutcome(decision.getOutcome());
        copy.setRuleSet(decision.getRuleSet());
        copy.setEvaluatedOn(decision.getEvaluatedOn());
        copy.setReason(decision.getReason());
        copy.setTier(decision.getTier());
        copy.setRoutedTo(decision.getRoutedTo());
        copy.getMissing().addAll(decision.getMissing());
        for (ProblemResultType problem : decision.getProblem()) {
            ProblemResultType p = new ProblemResultType();
            p.setCode(problem.getCode());
            p.setName(problem.getName());
            p.setMet(problem.isMet());
            problem.getIndicator().forEach(i -> p.getIndicator().add(indicator(i, removedRecordIds)));
            copy.getProblem().add(p);
        }
        return copy;
    }

    private static IndicatorResultType indicator(IndicatorResultType indicator, Set<String> removedRecordIds) {
        IndicatorResultType copy = new IndicatorResultType();
        copy.setCode(indicator.getCode());
        copy.setName(indicator.getName());
        copy.setMet(indicator.isMet());
        copy.getMember().addAll(indicator.getMember());
        copy.setExplanation(indicator.getExplanation());
        indicator.getEvidence().stream().filter(e -> e.getRecordId() == null || !removedRecordIds.contains(e.getRecordId()))
                .forEach(copy.getEvidence()::add);
        return copy;
    }
}
