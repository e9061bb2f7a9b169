package org.familygateway.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.familygateway.eligibility.Decision;
import org.familygateway.eligibility.Evaluator;
import org.familygateway.eligibility.Explanation;
import org.familygateway.eligibility.HouseholdFile;
import org.familygateway.eligibility.RuleSet;
import org.familygateway.eligibility.RuleSetFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * For council staff: what a rule set decides for a household file, and why, in plain words. Nothing
 * is sent anywhere; the gateway need not be running.
 */
@Command(name = "explain", description = "Explain, in plain words, what a rule set decides for a household file and why.")
final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--rules", required = true, description = "The rule set, e.g. config/eligibility/norfolk-2013.yaml")
    Path rules;

    @Option(names = "--household", required = true, description = "The household file (see config/eligibility/README.md)")
    Path household;

    @Option(names = "--on", description = "The day to decide on (default: the household file's evaluate_on, else today)")
    LocalDate on;

    @Option(names = "--set", description = "Read the document another way: a parameter of the rule set and one of its choices, e.g. --set absence_averaging=MEAN_OF_TERMS")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleSet ruleSet = RuleSetFile.read(rules, parameters);
        HouseholdFile.Loaded loaded = HouseholdFile.read(household);
        LocalDate day = on != null ? on : loaded.evaluateOn() != null ? loaded.evaluateOn() : LocalDate.now(ZoneId.of("Europe/London"));
        Decision decision = Evaluator.evaluate(ruleSet, loaded.household(), day);
        spec.commandLine().getOut().print(Explanation.of(decision));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
