package org.familygateway.eligibility;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A list of codes a rule accepts, or ANY. Written in a rule file as a list ({@code [ASBO, ASB_INJUNCTION]})
 * or as the word ANY.
 */
record Codes<T extends Comparable<T>>(Set<T> values) {

    static <T extends Comparable<T>> Codes<T> any() {
        return new Codes<>(null);
    }

    static <T extends Comparable<T>> Codes<T> of(Collection<T> values) {
        return new Codes<>(new TreeSet<>(values));
    }

    @SafeVarargs
    static <T extends Comparable<T>> Codes<T> of(T... values) {
        return of(List.of(values));
    }

    boolean isAny() {
        return values == null;
    }

    boolean accepts(T value) {
        return values == null || (value != null && values.contains(value));
    }

    String describe() {
        if (values == null) {
            return "any";
        }
        return Words.list(values.stream().map(v -> v instanceof Enum<?> e ? Words.of(e) : v.toString().toLowerCase().replace('_', ' ')).toList());
    }
}
