package org.familygateway.eligibility;

import java.util.List;

/**
 * An indicator as evaluated: whether it is met and for whom, why in plain words, the facts behind
 * it, and the evidence that was missing to decide it.
 *
 * @param members subject ids of the members it is met for (empty for a household-level indicator)
 */
public record IndicatorResult(String code, String name, boolean met, List<String> members, boolean householdLevel,
                              String explanation, List<Fact> evidence, List<String> gaps, Citation citation) {
}
