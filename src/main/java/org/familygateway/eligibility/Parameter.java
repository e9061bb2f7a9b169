package org.familygateway.eligibility;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reading the council chose where its document is ambiguous, named so that the rules can use it
 * ({@code $term_window}) and so that every decision can say which reading it used. The value is a
 * word, a number, or a list of codes.
 */
record Parameter(String name, JsonNode value, List<String> choices, String reading, Citation citation) {

    String text() {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", ", "[", "]"));
        }
        return value.asText();
    }

    String describe() {
        return name + " = " + text() + ": " + reading;
    }
}
