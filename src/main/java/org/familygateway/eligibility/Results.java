package org.familygateway.eligibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every problem, indicator and condition of one evaluation by code, for the decision rules to look up. */
final class Results {

    /** What a decision rule needs to know about a code: its name, whether it is met, and for whom. */
    record Entry(String code, String name, boolean met, Set<String> members) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final int householdSize;

    Results(Household household, List<ProblemResult> problems, List<IndicatorResult> conditions) {
        householdSize = household.members().size();
        for (ProblemResult problem : problems) {
            entries.put(problem.code(), new Entry(problem.code(), problem.name(), problem.met(), problem.members(household)));
            problem.indicators().forEach(i -> put(household, i));
        }
        conditions.forEach(c -> put(household, c));
    }

    private void put(Household household, IndicatorResult indicator) {
        Set<String> members = new TreeSet<>(indicator.members());
        if (indicator.met() && indicator.householdLevel()) {
            household.members().forEach(m -> members.add(m.subjectId()));
        }
        entries.put(indicator.code(), new Entry(indicator.code(), indicator.name(), indicator.met(), members));
    }

    Entry get(String code) {
        Entry entry = entries.get(code);
        if (entry == null) {
            throw new IllegalStateException("no result for " + code);
        }
        return entry;
    }

    int householdSize() {
        return householdSize;
    }
}
