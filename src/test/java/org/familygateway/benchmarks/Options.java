package org.familygateway.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Benchmark arguments: {@code --name value} pairs, or {@code --flag} alone. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    /**
     * The gateway's JVM options: {@code base}, then any given as {@code --gateway-jvm "..."} (space
     * separated), for example a flight recording to see where the time goes.
     */
    static List<String> gatewayJvm(Map<String, String> options, List<String> base) {
        List<String> jvm = new ArrayList<>(base);
        if (options.containsKey("gateway-jvm")) {
            jvm.addAll(List.of(options.get("gateway-jvm").trim().split(" +")));
        }
        return jvm;
    }
}
