package org.familygateway.eligibility;

import java.util.List;
import java.util.Set;

/**
 * What one fact test found: whether it is met, for which members, on which facts, in plain words
 * (what met it, or why it was not met), and the evidence it lacked to decide.
 */
record Finding(boolean met, Set<String> members, List<Fact> evidence, List<String> lines, List<String> gaps) {
}
