package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the {@code parameters:} of a rule file: each reading the council chose, its value, the
 * values it may take and why. A value given on the command line or by a test replaces the file's,
 * but only with one of the choices the file lists.
 */
final class ParameterReader {

    private ParameterReader() {
    }

    static Map<String, Parameter> read(Node root, String document, Map<String, String> overrides) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Node section = root.maybe("parameters").orElse(null);
        if (section != null) {
            section.only(names(section));
            for (Iterator<String> names = section.json().fieldNames(); names.hasNext();) {
                String name = names.next();
                parameters.put(name, one(section.at(name), name, document, overrides.get(name)));
            }
        }
        for (String name : overrides.keySet()) {
            if (!parameters.containsKey(name)) {
                throw root.fail("there is no parameter '" + name + "' to set; the parameters are " + String.join(", ", parameters.keySet()));
            }
        }
        return parameters;
    }

    private static String[] names(Node section) {
        List<String> names = new ArrayList<>();
        section.json().fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw section.fail("parameter names are lower case words joined by _, not '" + name + "'");
            }
        }
        return names.toArray(String[]::new);
    }

    private static Parameter one(Node node, String name, String document, String override) {
        node.only("value", "choices", "reading", "source");
        List<String> choices = node.maybe("choices").map(Node::texts).orElse(List.of());
        JsonNode value = override != null ? scalar(override) : node.at("value").json();
        if (value.isContainerNode() && !value.isArray()) {
            throw node.at("value").fail("a parameter's value is a word, a number or a list");
        }
        if (!choices.isEmpty() && choices.stream().noneMatch(value.asText()::equalsIgnoreCase)) {
            throw node.fail("'" + value.asText() + "' is not one of the choices " + choices);
        }
        Citation citation = node.maybe("source").map(s -> Citation.read(s, document)).orElse(null);
        return new Parameter(name, value, choices, node.at("reading").text(), citation);
    }

    /** A value typed on a command line: a whole number, true or false, a list "a,b", or a word. */
    private static JsonNode scalar(String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (text.matches("-?\\d+")) {
            return nodes.numberNode(Integer.parseInt(text));
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return nodes.booleanNode(Boolean.parseBoolean(text));
        }
        if (text.contains(",")) {
            ArrayNode list = nodes.arrayNode();
            for (String item : text.split(",")) {
                list.add(item.trim());
            }
            return list;
        }
        return nodes.textNode(text);
    }
}
