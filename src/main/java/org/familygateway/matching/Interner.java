package org.familygateway.matching;

import java.util.HashMap;
import java.util.Map;

/** Shares equal strings: an index of a million people holds the same few thousand names many times. */
final class Interner {

    private final Map<String, String> strings = new HashMap<>();

    String of(String value) {
        if (value == null) {
            return null;
        }
        String known = strings.putIfAbsent(value, value);
        return known == null ? value : known;
    }
}
