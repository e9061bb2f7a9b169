package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects a fact test's finding member by member. */
final class Findings {

    private final Set<String> members = new TreeSet<>();
    private final Set<Fact> evidence = new LinkedHashSet<>();
    private final List<String> hits = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();
    private final List<String> gaps = new ArrayList<>();
    private boolean met;

    /** The test is met for this member (or, with no member, for the household) on these facts. */
    Findings hit(Member member, String line, List<? extends Fact> facts) {
        met = true;
        if (member != null) {
            members.add(member.subjectId());
        }
        evidence.addAll(facts);
        hits.add(line);
        return this;
    }

    Findings hit(Member member, String line, Fact fact) {
        return hit(member, line, List.of(fact));
    }

    /** Why a member came close but did not meet it. */
    Findings miss(String line) {
        misses.add(line);
        return this;
    }

    /** Evidence the test needed and did not have. */
    Findings gap(String line) {
        gaps.add(line);
        return this;
    }

    Finding build(String whenNothing) {
        List<String> lines = met ? hits : misses.isEmpty() ? List.of(whenNothing) : misses;
        return new Finding(met, members, List.copyOf(evidence), List.copyOf(lines), met ? List.of() : List.copyOf(gaps));
    }
}
