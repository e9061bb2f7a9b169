package org.familygateway.eligibility;

import java.util.Set;

import org.familygateway.model.v1.DecisionOutcomeType;

/**
 * Something an outcome needs besides the problems ("Any requests for support will be expected to have
 * either an Early Help Assessment or a Statutory Plan"). Without it the outcome becomes
 * {@code otherwise}, or, when {@code otherwise} is null, stays and the need is listed as missing.
 */
record Requirement(String need, Set<DecisionOutcomeType> appliesTo, DecisionOutcomeType otherwise, String reason,
                   String missing, Citation citation) {
}
