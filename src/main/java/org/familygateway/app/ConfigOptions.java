package org.familygateway.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** Where the deployment's configuration is, and any values to override in it. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "Configuration folder holding gateway.yaml (default: ${DEFAULT-VALUE})")
    Path folder;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting of gateway.yaml, e.g. --set soap.port=9443")
    Map<String, String> overrides = new LinkedHashMap<>();

    GatewaySettings settings() {
        return GatewaySettings.load(folder, overrides);
    }
}
