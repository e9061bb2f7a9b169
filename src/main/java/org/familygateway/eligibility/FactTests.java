package org.familygateway.eligibility;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The vocabulary of fact tests a rule file may name, by name. Adding one is a Java change, on purpose. */
final class FactTests {

    private static final Map<String, FactTest> TESTS = new TreeMap<>(Map.ofEntries(
            Map.entry("proven_offence", new ProvenOffences()),
            Map.entry("asb_intervention", new AsbInterventions()),
            Map.entry("school_absence", new SchoolAbsence()),
            Map.entry("fixed_term_exclusions", new FixedTermExclusions()),
            Map.entry("permanent_exclusion", new PermanentExclusions()),
            Map.entry("alternative_provision", new AlternativeProvisions()),
            Map.entry("not_on_roll", new NotOnRoll()),
            Map.entry("social_care", new SocialCareEpisodes()),
            Map.entry("out_of_work_benefit", new OutOfWorkBenefits()),
            Map.entry("domestic_abuse", new DomesticAbuse()),
            Map.entry("health_need", new HealthNeeds()),
            Map.entry("in_custody", new InCustody()),
            Map.entry("supervision", new Supervisions()),
            Map.entry("offender_management", new OffenderManagement()),
            Map.entry("homelessness_decision", new HomelessnessDecisions()),
            Map.entry("concern", new Concerns()),
            Map.entry("assessment", new Assessments()),
            Map.entry("consent", new Consents()),
            Map.entry("new_mother", new NewMothers())));

    private FactTests() {
    }

    static Optional<FactTest> named(String name) {
        return Optional.ofNullable(TESTS.get(name));
    }

    static String names() {
        return String.join(", ", TESTS.keySet());
    }
}
