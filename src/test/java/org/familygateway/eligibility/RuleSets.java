package org.familygateway.eligibility;

import java.nio.file.Path;
import java.util.Map;

import org.familygateway.testing.Project;

/** The rule sets of the example deployment, as the tests read them. */
final class RuleSets {

    private RuleSets() {
    }

    static Path file(String id) {
        return Project.config().resolve("eligibility").resolve(id + ".yaml");
    }

    static RuleSet load(String id) {
        return RuleSetFile.read(file(id));
    }

    static RuleSet load(String id, Map<String, String> parameters) {
        return RuleSetFile.read(file(id), parameters);
    }
}
