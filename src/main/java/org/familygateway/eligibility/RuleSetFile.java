package org.familygateway.eligibility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a rule set from its YAML file in config/eligibility (the format is described in that
 * folder's README). Anything wrong stops it with the file, the place and the problem: an unknown
 * key, a test or code that does not exist, a value that is not one of the choices.
 */
public final class RuleSetFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RuleSetFile() {
    }

    public static RuleSet read(Path file) {
        return read(file, Map.of());
    }

    /** With some of the file's parameters set to another of their choices (a council trying a reading). */
    public static RuleSet read(Path file, Map<String, String> parameters) {
        try {
            return parse(Files.readString(file), file.getFileName().toString(), parameters);
        } catch (IOException e) {
            throw new RuleFileException(file + (e instanceof NoSuchFileException ? ": there is no such file" : ": cannot be read (" + e.getMessage() + ")"), e);
        }
    }

    static RuleSet parse(String yaml, String fileName, Map<String, String> overrides) {
        Node root = new Node(tree(yaml, fileName), fileName, "");
        root.only("id", "version", "title", "document", "effective_from", "summary", "parameters", "calendar",
                "problems", "conditions", "decision", "tiers");
        String document = root.at("document").text();
        RuleSet.Header header = new RuleSet.Header(root.at("id").text(), root.at("version").text(), root.at("title").text(), document,
                root.maybe("effective_from").map(Node::date).orElse(null));
        Map<String, Parameter> parameters = ParameterReader.read(root, document, overrides);
        substitute(root, root.json(), parameters);
        Set<Integer> months = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        IndicatorReader indicators = new IndicatorReader(document, months, codes);
        List<ProblemRule> problems = indicators.problems(root);
        List<IndicatorRule> conditions = indicators.conditions(root);
        DecisionReader decisions = new DecisionReader(document, codes);
        return new RuleSet(header, List.copyOf(parameters.values()), CalendarReader.read(root), problems, conditions,
                decisions.decisions(root), decisions.tiers(root), months);
    }

    private static JsonNode tree(String yaml, String fileName) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new RuleFileException(fileName + ": expected a mapping of keys to values at the top");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new RuleFileException(fileName + ": not readable YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    /** Replaces every value written $name, outside the parameters section, with that parameter's value. */
    private static void substitute(Node root, JsonNode node, Map<String, Parameter> parameters) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> replaced = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (node == root.json() && field.getKey().equals("parameters")) {
                    continue;
                }
                lookUp(root, field.getValue(), parameters).ifPresentOrElse(v -> replaced.put(field.getKey(), v),
                        () -> substitute(root, field.getValue(), parameters));
            }
            replaced.forEach(object::set);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                int at = i;
                lookUp(root, item, parameters).ifPresentOrElse(v -> array.set(at, v), () -> substitute(root, item, parameters));
            }
        }
    }

    private static Optional<JsonNode> lookUp(Node root, JsonNode value, Map<String, Parameter> parameters) {
        if (!value.isTextual() || !value.asText().startsWith("$")) {
            return Optional.empty();
        }
        Parameter parameter = parameters.get(value.asText().substring(1));
        if (parameter == null) {
            throw root.fail("'" + value.asText() + "' names no parameter; the parameters are " + String.join(", ", parameters.keySet()));
        }
        return Optional.of(parameter.value().deepCopy());
    }
}
