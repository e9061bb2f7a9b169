package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familygateway.eligibility.Family.family;

import java.time.LocalDate;
import java.util.Map;

import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule file that cannot be used stops with the file, the place in it and the problem, before any household is judged. */
class RuleSetFileTest {

    /** A small rule set: concerns about debt or domestic abuse, each a problem; an exclusion; a routing rule. */
    static final String SMALL = """
            id: small
            version: "2"
            title: A small rule set
            document: 004_3e7d0c505f3ed075.txt
            parameters:
              window:
                value: 12
                reading: concerns count for a year
            problems:
              - code: DEBT
                name: Debt
                source: {line: 86, quote: "financial exclusion"}
                indicators:
                  - code: DEBT_CONCERN
                    name: A concern about debt
                    source: {line: 86, quote: "homelessness due to debt"}
                    test: concern
                    with: {referral_codes: [FINANCIAL_EXCLUSION], within_months: $window}
              - code: ABUSE
                name: Domestic abuse
                source: {line: 17, quote: "domestic violence"}
                indicators:
                  - code: ABUSE_CONCERN
                    name: A concern about domestic abuse
                    source: {line: 108, quote: "domestic violence"}
                    test: concern
                    with: {referral_codes: [DOMESTIC_ABUSE], within_months: $window}
            conditions:
              - code: IN_PRISON
                name: A member in prison
                source: {line: 34, quote: "An adult prisoner"}
                test: in_custody
            decision:
              rules:
                - outcome: INCLUDED
                  when: {all_of: [DEBT, ABUSE], none_of: [IN_PRISON]}
                  reason: Both, and nobody in prison.
                  source: {line: 11, quote: "at least two"}
                - outcome: ROUTED_ELSEWHERE
                  when: {any_of: [ABUSE]}
                  routed_to: the domestic abuse service
                  reason: Abuse alone goes to the specialist service.
                  source: {line: 108, quote: "domestic violence"}
              otherwise:
                outcome: NOT_ELIGIBLE
                reason: Neither.
            """;

    private static RuleSet parse(String yaml) {
        return RuleSetFile.parse(yaml, "small.yaml", Map.of());
    }

    @Test
    void a_small_rule_set_with_an_exclusion_and_a_routing_rule_decides() {
        RuleSet rules = parse(SMALL);
        LocalDate on = LocalDate.of(2016, 1, 11);
        Family both = family().mother("mum", LocalDate.of(1985, 1, 1)).referralConcern("mum", ConcernCodeType.FINANCIAL_EXCLUSION, on.minusMonths(1))
                .referralConcern("mum", ConcernCodeType.DOMESTIC_ABUSE, on.minusMonths(1));

        assertThat(Evaluator.evaluate(rules, both.build(), on).outcome()).isEqualTo(DecisionOutcomeType.INCLUDED);
        Decision excluded = Evaluator.evaluate(rules, both.custody("mum", on.minusMonths(2), null, null).build(), on);
        assertThat(excluded.outcome()).isEqualTo(DecisionOutcomeType.ROUTED_ELSEWHERE);
        assertThat(excluded.verdict().routedTo()).isEqualTo("the domestic abuse service");
        assertThat(excluded.missing()).first().isEqualTo("To be included: excluded because A member in prison is met.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key                       | 'title: A small rule set'              | 'titel: A small rule set'          | small.yaml: unknown key 'titel'; the keys allowed here are
            a test that does not exist           | 'test: in_custody'                     | 'test: in_jail'                    | small.yaml: conditions[0].test: there is no fact test 'in_jail'; the tests are
            a setting the test does not have     | 'within_months: $window}'              | 'within_month: $window}'           | the test concern has no setting 'within_month'
            a value not among a setting's codes  | '[FINANCIAL_EXCLUSION]'                | '[DEBTS]'                          | problems[0].indicators[0].with.referral_codes[0]: 'DEBTS' is not one of
            a parameter that does not exist      | 'within_months: $window}'              | 'within_months: $windows}'         | '$windows' names no parameter; the parameters are window
            a code the decision does not know    | 'all_of: [DEBT, ABUSE]'                | 'all_of: [DEBT, ABUSES]'           | decision.rules[0].when.all_of[1]: there is no problem, indicator or condition ABUSES in this file
            a rule without the words it encodes  | '      source: {line: 11, quote: "at least two"}' | ''                        | decision.rules[0]: 'source' is missing: every decision rule cites the words it encodes
            a routing rule that says nowhere     | 'routed_to: the domestic abuse service' | 'reason_too: x'                   | unknown key 'reason_too'
            a number written in words            | 'value: 12'                            | 'value: twelve'                    | expected a whole number, found 'twelve'
            a code used twice                    | 'code: ABUSE_CONCERN'                  | 'code: DEBT_CONCERN'               | the code DEBT_CONCERN is used twice in this file
            a quote with no line                 | '{line: 34, quote: "An adult prisoner"}' | '{quote: "An adult prisoner"}'   | conditions[0].source: 'line' is missing
            a key given twice                    | 'version: "2"'                         | 'version: "2"\nversion: "3"'       | small.yaml: not readable YAML: Duplicate field 'version'
            """)
    void a_bad_rule_file_is_refused_with_where_and_why(String problem, String good, String bad, String message) {
        String broken = SMALL.replace(good, bad.replace("\\n", "\n"));
        assertThat(broken).as("the test changes the file").isNotEqualTo(SMALL);

        assertThatThrownBy(() -> parse(broken)).isInstanceOf(RuleFileException.class).hasMessageContaining(message);
    }

    @Test
    void a_parameter_can_only_be_set_to_one_of_its_choices() {
        assertThatThrownBy(() -> RuleSets.load("cumbria-2015", Map.of("cumbria_member_rule", "EVERYONE")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("'EVERYONE' is not one of the choices [SPREAD_ACROSS_MEMBERS, EACH_OF_TWO_MEMBERS, MULTI_MEMBER_HOUSEHOLD]");
        assertThatThrownBy(() -> RuleSets.load("cumbria-2015", Map.of("member_rule", "EACH_OF_TWO_MEMBERS")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("there is no parameter 'member_rule' to set");
    }

    @Test
    void a_routed_outcome_needs_somewhere_to_route_to() {
        String noRoute = SMALL.replace("      routed_to: the domestic abuse service\n", "");

        assertThatThrownBy(() -> parse(noRoute)).hasMessageContaining("a ROUTED_ELSEWHERE rule, and only such a rule, says where the family is routed");
    }

    @Test
    void the_rule_set_says_which_windows_it_uses_so_a_re_evaluation_knows_when_evidence_ages() {
        assertThat(parse(SMALL).monthWindows()).containsExactly(12);
    }
}
