package org.familygateway.eligibility;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A headline problem as evaluated, with every one of its indicators, met or not. */
public record ProblemResult(String code, String name, boolean met, List<IndicatorResult> indicators, Citation citation) {

    /** The members it is met for; a met household-level indicator stands for every member. */
    Set<String> members(Household household) {
        Set<String> members = new TreeSet<>();
        for (IndicatorResult indicator : indicators) {
            if (indicator.met() && indicator.householdLevel()) {
                household.members().forEach(m -> members.add(m.subjectId()));
            } else if (indicator.met()) {
                members.addAll(indicator.members());
            }
        }
        return members;
    }
}
