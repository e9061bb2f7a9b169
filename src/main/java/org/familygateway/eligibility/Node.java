package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A place in a YAML file that knows its own path, so every complaint about the file says exactly
 * where: "norfolk-2013.yaml: problems[0].indicators[2].with.within_months: expected a whole number".
 */
final class Node {

    private final JsonNode json;
    private final String file;
    private final String path;

    Node(JsonNode json, String file, String path) {
        this.json = json;
        this.file = file;
        this.path = path;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    RuleFileException fail(String problem) {
        return new RuleFileException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    boolean has(String key) {
        return json.has(key) && !json.get(key).isNull();
    }

    Node at(String key) {
        if (!json.isObject()) {
            throw fail("expected a mapping of keys to values");
        }
        if (!has(key)) {
            throw fail("'" + key + "' is missing");
        }
        return child(key);
    }

    Optional<Node> maybe(String key) {
        return has(key) ? Optional.of(at(key)) : Optional.empty();
    }

    private Node child(String key) {
        return new Node(json.get(key), file, path.isEmpty() ? key : path + "." + key);
    }

    /** Fails on any key not in the list: a misspelt key would otherwise be silently ignored. */
    void only(String... keys) {
        if (!json.isObject()) {
            throw fail("expected a mapping of keys to values");
        }
        Set<String> known = new TreeSet<>(Arrays.asList(keys));
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fail("unknown key '" + name + "'; the keys allowed here are " + String.join(", ", known));
            }
        }
    }

    String text() {
        if (!json.isValueNode() || json.asText().isBlank()) {
            throw fail("expected some text");
        }
        return json.asText().trim();
    }

    int integer() {
        if (!json.canConvertToInt() || !json.isIntegralNumber()) {
            throw fail("expected a whole number, found '" + json.asText() + "'");
        }
        return json.intValue();
    }

    BigDecimal decimal() {
        if (!json.isNumber()) {
            throw fail("expected a number, found '" + json.asText() + "'");
        }
        return json.decimalValue();
    }

    boolean bool() {
        if (!json.isBoolean()) {
            throw fail("expected true or false, found '" + json.asText() + "'");
        }
        return json.booleanValue();
    }

    LocalDate date() {
        try {
            return LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw fail("expected a date written like 2013-04-08, found '" + json.asText() + "'");
        }
    }

    List<Node> items() {
        if (!json.isArray()) {
            throw fail("expected a list");
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            items.add(new Node(json.get(i), file, path + "[" + i + "]"));
        }
        return items;
    }

    List<String> texts() {
        return items().stream().map(Node::text).toList();
    }

    <E extends Enum<E>> E choice(Class<E> type) {
        String text = text();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw fail("'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
}
