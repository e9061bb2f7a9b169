package org.familygateway.eligibility;

import org.familygateway.model.v1.DecisionOutcomeType;

/**
 * "If the family fulfil all three National Criteria they are automatically included": an outcome,
 * the condition for it, the reason given to the family team, the words it encodes, and for a
 * routing rule where the family is sent instead.
 */
record DecisionRule(DecisionOutcomeType outcome, Condition when, String reason, String routedTo, Citation citation) {
}
