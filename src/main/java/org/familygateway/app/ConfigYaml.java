package org.familygateway.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a configuration file in YAML. Paths in it are relative to the file's folder; any value may
 * be written {@code ${ENV_NAME}} or {@code ${ENV_NAME:-default}} so that secrets stay out of the
 * file; dotted overrides ({@code soap.port=9443}) are applied last.
 */
final class ConfigYaml {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> environment;

    ConfigYaml(Map<String, String> environment) {
        this.environment = environment;
    }

    <T> T read(Path file, Class<T> type, Map<String, String> overrides) {
        Path folder = file.toAbsolutePath().getParent();
        ObjectMapper mapper = mapperFor(folder);
        try {
            JsonNode tree = Optional.ofNullable(mapper.readTree(Files.readString(file))).orElse(JsonNodeFactory.instance.objectNode());
            if (!(tree instanceof ObjectNode root)) {
                throw new ConfigurationException(file + ": expected a mapping at the top level");
            }
            substituteValues(root, file);
            overrides.forEach((key, value) -> put(root, key, value));
            return mapper.treeToValue(root, type);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": " + e.getMessage(), e);
        }
    }

    /** Environment references are resolved in values only, so comments may mention them freely. */
    private void substituteValues(JsonNode node, Path file) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if (entry.getValue().isTextual()) {
                    object.put(entry.getKey(), substitute(entry.getValue().asText(), file));
                } else {
                    substituteValues(entry.getValue(), file);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, array.textNode(substitute(array.get(i).asText(), file)));
                } else {
                    substituteValues(array.get(i), file);
                }
            }
        }
    }

    private String substitute(String text, Path file) {
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new ConfigurationException(file + ": environment variable " + m.group(1) + " is not set and has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void put(ObjectNode root, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        String key = parts[parts.length - 1];
        if (value.startsWith("[")) {
            try {
                node.set(key, new ObjectMapper(new YAMLFactory()).readTree(value));   // a list: --set trust.crls=[a.crl,b.crl]
            } catch (IOException e) {
                throw new ConfigurationException("cannot read the list given for " + dottedKey + ": " + value);
            }
        } else {
            node.put(key, value);
        }
    }

    private static ObjectMapper mapperFor(Path folder) {
        SimpleModule paths = new SimpleModule("relative-paths");
        paths.addDeserializer(Path.class, new JsonDeserializer<>() {
            @Override
            public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return folder.resolve(p.getValueAsString()).normalize();
            }
        });
        return new ObjectMapper(new YAMLFactory())
                .registerModule(paths)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
