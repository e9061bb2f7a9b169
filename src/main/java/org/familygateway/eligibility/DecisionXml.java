package org.familygateway.eligibility;

import org.familygateway.model.v1.DecisionType;
import org.familygateway.model.v1.EvidenceType;
import org.familygateway.model.v1.IndicatorResultType;
import org.familygateway.model.v1.ProblemResultType;
import org.familygateway.model.v1.RuleSetReferenceType;

/**
 * A decision as the case the family team receives carries it (case.xsd DecisionType). Text is cut
 * to the lengths the schema allows, so a long explanation never makes a case invalid.
 */
public final class DecisionXml {

    private static final int SHORT_TEXT = 200;
    private static final int LONG_TEXT = 4000;
    private static final int MISSING_ITEMS = 50;

    private DecisionXml() {
    }

    public static DecisionType toDecisionType(Decision decision) {
        DecisionType xml = new DecisionType();
        xml.setOutcome(decision.outcome());
        RuleSetReferenceType ruleSet = new RuleSetReferenceType();
        ruleSet.setId(decision.ruleSet().id());
        ruleSet.setVersion(decision.ruleSet().version());
        ruleSet.setTitle(cut(decision.ruleSet().title(), SHORT_TEXT));
        xml.setRuleSet(ruleSet);
        xml.setEvaluatedOn(decision.evaluatedOn());
        xml.setReason(cut(decision.verdict().reason(), LONG_TEXT));
        xml.setTier(decision.verdict().tier());
        xml.setRoutedTo(decision.verdict().routedTo() == null ? null : cut(decision.verdict().routedTo(), SHORT_TEXT));
        decision.problems().forEach(p -> xml.getProblem().add(problem(p)));
        decision.missing().stream().limit(MISSING_ITEMS).forEach(m -> xml.getMissing().add(cut(m, LONG_TEXT)));
        return xml;
    }

    private static ProblemResultType problem(ProblemResult problem) {
        ProblemResultType xml = new ProblemResultType();
        xml.setCode(problem.code());
        xml.setName(cut(problem.name(), SHORT_TEXT));
        xml.setMet(problem.met());
        problem.indicators().forEach(i -> xml.getIndicator().add(indicator(i)));
        return xml;
    }

    private static IndicatorResultType indicator(IndicatorResult indicator) {
        IndicatorResultType xml = new IndicatorResultType();
        xml.setCode(indicator.code());
        xml.setName(cut(indicator.name(), SHORT_TEXT));
        xml.setMet(indicator.met());
        xml.getMember().addAll(indicator.members());
        xml.setExplanation(cut(indicator.explanation(), LONG_TEXT));
        indicator.evidence().forEach(f -> xml.getEvidence().add(evidence(f)));
        return xml;
    }

    private static EvidenceType evidence(Fact fact) {
        EvidenceType xml = new EvidenceType();
        xml.setPartnerId(fact.source().partnerId());
        xml.setAgency(fact.source().agency());
        xml.setMessageId(fact.source().messageId());
        xml.setRecordId(fact.source().recordId());
        xml.setDate(fact.date());
        xml.setSummary(cut(fact.summary(), SHORT_TEXT));
        return xml;
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
