package org.familygateway.eligibility;

import java.util.Set;

import org.familygateway.model.v1.DecisionOutcomeType;

/**
 * A level of intervention (Derby's high, medium, low). A tier without a condition is described for
 * the reader but never suggested by the engine: the council's own meeting decides it.
 */
record TierRule(String tier, Condition when, Set<DecisionOutcomeType> appliesTo, String description, Citation citation) {
}
