package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code when:} of a decision rule or tier: every part given must hold. {@code all_of}: each code
 * met; {@code at_least: N, of:}: N of the codes met (read against members by {@code members:});
 * {@code any_of}: one of the codes met; {@code none_of}: none met (an exclusion).
 */
record Condition(List<String> allOf, Integer atLeast, List<String> of, MemberRule members, List<String> anyOf,
                 List<String> noneOf) {

    List<String> codes() {
        List<String> codes = new ArrayList<>(allOf);
        codes.addAll(of);
        codes.addAll(anyOf);
        codes.addAll(noneOf);
        return codes;
    }

    boolean holds(Results results) {
        return shortfall(results).isEmpty();
    }

    /** In plain words, each part that does not hold; empty when the condition holds. */
    List<String> shortfall(Results results) {
        List<String> shortfall = new ArrayList<>();
        List<String> unmet = allOf.stream().filter(c -> !results.get(c).met()).map(c -> results.get(c).name()).toList();
        if (!unmet.isEmpty()) {
            shortfall.add("not met: " + Words.list(unmet));
        }
        if (atLeast != null) {
            atLeastShortfall(results).ifPresent(shortfall::add);
        }
        if (!anyOf.isEmpty() && anyOf.stream().noneMatch(c -> results.get(c).met())) {
            shortfall.add("none of " + names(results, anyOf) + " is met");
        }
        List<String> excluded = noneOf.stream().filter(c -> results.get(c).met()).map(c -> results.get(c).name()).toList();
        if (!excluded.isEmpty()) {
            shortfall.add("excluded because " + Words.list(excluded) + " is met");
        }
        return shortfall;
    }

    private Optional<String> atLeastShortfall(Results results) {
        List<String> met = of.stream().filter(c -> results.get(c).met()).toList();
        String counted = met.size() + " of " + names(results, of) + " met" + (met.isEmpty() ? "" : " (" + names(results, met) + ")");
        if (met.size() < atLeast) {
            return Optional.of("at least " + atLeast + " needed, " + counted);
        }
        return switch (members) {
            case HOUSEHOLD -> Optional.empty();
            case SPREAD_ACROSS_MEMBERS -> membersMeeting(results, met).size() >= 2 ? Optional.empty()
                    : Optional.of(counted + ", but all by one member; they must be met across more than one member");
            case EACH_OF_TWO_MEMBERS -> membersMeetingEach(results, met) >= 2 ? Optional.empty()
                    : Optional.of(counted + ", but fewer than two members each meet " + atLeast + " of them");
            case MULTI_MEMBER_HOUSEHOLD -> results.householdSize() >= 2 ? Optional.empty()
                    : Optional.of(counted + ", but the household has only one member");
        };
    }

    private static Set<String> membersMeeting(Results results, List<String> codes) {
        Set<String> members = new TreeSet<>();
        codes.forEach(c -> members.addAll(results.get(c).members()));
        return members;
    }

    private long membersMeetingEach(Results results, List<String> codes) {
        Map<String, Integer> perMember = new TreeMap<>();
        codes.forEach(c -> results.get(c).members().forEach(m -> perMember.merge(m, 1, Integer::sum)));
        return perMember.values().stream().filter(n -> n >= atLeast).count();
    }

    private static String names(Results results, List<String> codes) {
        return Words.list(codes.stream().map(c -> results.get(c).name()).toList());
    }
}
