package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An indicator of a rule set: met when any of its clauses is met. A household-level indicator
 * ("Household has been subject to a Police call out") is about the whole household rather than the
 * members the facts name.
 */
record IndicatorRule(String code, String name, Citation citation, boolean householdLevel, List<Clause> clauses) {

    IndicatorResult evaluate(Context context) {
        Set<String> members = new TreeSet<>();
        Set<Fact> evidence = new LinkedHashSet<>();
        List<String> hits = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Clause clause : clauses) {
            Finding finding = clause.run(context);
            if (finding.met()) {
                members.addAll(finding.members());
                evidence.addAll(finding.evidence());
                hits.addAll(finding.lines());
            } else {
                misses.addAll(finding.lines());
                gaps.addAll(finding.gaps());
            }
        }
        boolean met = !hits.isEmpty();
        return new IndicatorResult(code, name, met, householdLevel ? List.of() : List.copyOf(members), householdLevel,
                String.join("; ", met ? hits : misses) + ".", List.copyOf(evidence), met ? List.of() : List.copyOf(gaps), citation);
    }
}
