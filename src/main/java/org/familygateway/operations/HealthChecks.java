package org.familygateway.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parts the gateway cannot work without, each checked when asked: empty when it is up, the
 * problem otherwise. The answer is JSON: {"status":"UP","checks":{"broker":"UP",...}}.
 */
public final class HealthChecks {

    /** One check: empty when the part is up, a short description of the problem otherwise. */
    @FunctionalInterface
    public interface Check {
        Optional<String> problem();
    }

    /** The outcome: whether every part is up, and the JSON that says so. */
    public record Report(boolean up, String json) {
    }

    private final Map<String, Check> checks = new LinkedHashMap<>();

    public HealthChecks add(String part, Check check) {
        checks.put(part, check);
        return this;
    }

    public Report run() {
        StringBuilder json = new StringBuilder();
        boolean allUp = true;
        for (Map.Entry<String, Check> check : checks.entrySet()) {
            Optional<String> problem = safely(check.getValue()::problem);
            allUp &= problem.isEmpty();
            json.append(json.length() == 0 ? "" : ",").append('"').append(check.getKey()).append("\":")
                    .append(problem.map(p -> "{\"status\":\"DOWN\",\"problem\":\"" + escape(p) + "\"}").orElse("{\"status\":\"UP\"}"));
        }
        return new Report(allUp, "{\"status\":\"" + (allUp ? "UP" : "DOWN") + "\",\"checks\":{" + json + "}}\n");
    }

    private static Optional<String> safely(Supplier<Optional<String>> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
