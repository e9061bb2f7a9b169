package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A household's evidence: its members and the facts agencies have shared about them or about the
 * household. Facts are kept in a fixed order (by date, then source), so the same evidence always
 * gives the same decision, whatever order it arrived in.
 */
public final class Household {

    private static final Comparator<Fact> ORDER = Comparator.comparing(Fact::date)
            .thenComparing(f -> f.source().partnerId())
            .thenComparing(f -> f.source().messageId())
            .thenComparing(f -> Objects.toString(f.source().recordId(), ""))
            .thenComparing(Fact::summary);

    private final String id;
    private final Map<String, Member> members;
    private final List<Fact> facts;

    private Household(String id, Map<String, Member> members, List<Fact> facts) {
        this.id = id;
        this.members = members;
        this.facts = facts;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public Optional<Member> member(String subjectId) {
        return Optional.ofNullable(subjectId).map(members::get);
    }

    public List<Fact> facts() {
        return facts;
    }

    <T extends Fact> List<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Fact> List<T> factsAbout(Member member, Class<T> type) {
        return facts(type).stream().filter(f -> member.subjectId().equals(f.subject())).toList();
    }

    /** Every date the evidence holds, members' dates of birth included. */
    List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        members.values().forEach(m -> dates.add(m.born()));
        facts.forEach(f -> dates.addAll(f.dates()));
        return dates;
    }

    /**
     * Collects a household's evidence as it arrives. A fact with the same partner and record id as
     * one before replaces it (a correction); a withdrawal removes it.
     */
    public static final class Builder {

        private final String id;
        private final Map<String, Member> members = new TreeMap<>();
        private final Map<String, Fact> keyed = new LinkedHashMap<>();
        private final List<Fact> unkeyed = new ArrayList<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "household id");
        }

        public Builder member(Member member) {
            members.put(member.subjectId(), member);
            return this;
        }

        public Builder fact(Fact fact) {
            String key = fact.source().recordKey();
            if (key == null) {
                unkeyed.add(fact);
            } else {
                keyed.put(key, fact);
            }
            return this;
        }

        public Builder withdraw(String partnerId, String recordId) {
            keyed.remove(partnerId + "/" + recordId);
            return this;
        }

        public Household build() {
            List<Fact> all = new ArrayList<>(keyed.values());
            all.addAll(unkeyed);
            all.sort(ORDER);
            return new Household(id, Collections.unmodifiableMap(new TreeMap<>(members)), List.copyOf(all));
        }
    }
}
