package org.familygateway.eligibility;

/**
 * One word of the rule files' vocabulary of fact tests ({@code test: proven_offence}). The
 * vocabulary is finite and implemented here in Java, documented in config/eligibility/README.md;
 * everything else about a rule (thresholds, windows, who, which codes) is data in the rule file.
 */
interface FactTest {

    /** Reads the test's settings, failing on a bad or unknown one, and returns the check to run. */
    Check compile(Settings with);
}
