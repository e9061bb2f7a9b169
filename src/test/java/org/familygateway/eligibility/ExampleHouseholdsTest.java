package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example household files in config/eligibility/examples decide what their comments say they decide. */
class ExampleHouseholdsTest {

    private static HouseholdFile.Loaded example(String id) {
        return HouseholdFile.read(Project.config().resolve("eligibility").resolve("examples").resolve(id + ".yaml"));
    }

    @ParameterizedTest(name = "the {0} example is {1}")
    @CsvSource({"national-2012, INCLUDED, ", "norfolk-2013, TO_BE_CONSIDERED, ", "derby-2013, INCLUDED, HIGH", "barnet, ROUTED_ELSEWHERE, ",
            "cumbria-2015, INCLUDED, ", "nottinghamshire-fop, INCLUDED, "})
    void each_example_decides_as_its_file_says(String id, DecisionOutcomeType outcome, String tier) {
        HouseholdFile.Loaded loaded = example(id);

        Decision decision = Evaluator.evaluate(RuleSets.load(id), loaded.household(), loaded.evaluateOn());

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.verdict().tier()).isEqualTo(tier);
        assertThat(decision.allIndicators()).filteredOn(IndicatorResult::met)
                .allSatisfy(i -> assertThat(i.evidence()).allSatisfy(f -> assertThat(f.source().messageId()).isNotBlank()));
    }

    @Test
    void a_household_file_keeps_where_each_fact_came_from() {
        Household household = example("national-2012").household();

        assertThat(household.members()).extracting(Member::subjectId).containsExactly("alex", "casey", "sam");
        assertThat(household.facts()).filteredOn(f -> f instanceof Offence).singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo(new Source("example-police",
                        org.familygateway.model.v1.AgencyKindType.POLICE, "police-share-2013-03", "po-7781-1")));
    }

    @Test
    void a_fact_about_someone_not_in_the_household_is_refused(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("household.yaml");
        Files.writeString(file, """
                household: h
                members:
                  - {id: alex, role: PARENT_OR_CARER, born: 1980-01-01}
                messages:
                  - {id: m1, partner: example-school, agency: SCHOOL}
                facts:
                  - {fact: school_exclusion, member: sam, kind: PERMANENT, start: 2013-01-15, message: m1}
                """);

        assertThatThrownBy(() -> HouseholdFile.read(file)).isInstanceOf(RuleFileException.class)
                .hasMessage("household.yaml: facts[0].member: no member is called sam");
    }

    @Test
    void a_fact_with_a_field_it_does_not_have_is_refused(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("household.yaml");
        Files.writeString(file, """
                household: h
                members:
                  - {id: sam, role: CHILD, born: 2001-01-01}
                messages:
                  - {id: m1, partner: example-school, agency: SCHOOL}
                facts:
                  - {fact: school_attendance, member: sam, term: 2012/13 autumn, possible: 100, authorised: 2, unathorised: 20, message: m1}
                """);

        assertThatThrownBy(() -> HouseholdFile.read(file)).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("household.yaml: facts[0]: 'unauthorised' is missing");
    }

    @Test
    void attendance_that_does_not_add_up_is_refused(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("household.yaml");
        Files.writeString(file, """
                household: h
                members:
                  - {id: sam, role: CHILD, born: 2001-01-01}
                messages:
                  - {id: m1, partner: example-school, agency: SCHOOL}
                facts:
                  - {fact: school_attendance, member: sam, term: 2012/13 autumn, possible: 100, authorised: 60, unauthorised: 50, message: m1}
                """);

        assertThatThrownBy(() -> HouseholdFile.read(file)).hasMessageContaining("facts[0]: attendance for autumn 2012/13 does not add up");
    }
}
