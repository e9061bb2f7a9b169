package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierRulesTest {

    @ParameterizedTest(name = "UPN {0} valid: {1}")
    @CsvSource({
        "U926200119001, true",       // check letter computed for 926 2001 19 001 (the sample referral)
        "L926200117002, true",
        "A926200119001, false",      // right shape, wrong check letter
        "U926200119002, false",      // one digit changed
        "H801200001001, true",       // the DfE guidance's worked example
        "H801200001002, false",
    })
    void upn_check_letters_are_verified(String upn, boolean valid) {
        assertThat(IdentifierRules.upnCheckLetterMatches(upn)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "NHS number {0} valid: {1}")
    @CsvSource({
        "9434765919, true",
        "9434765918, false",
        "4010232137, true",
        "4010232138, false",
        "1000000010, false",         // the weighted sum leaves a check value of 10: never issued
    })
    void nhs_number_check_digits_are_verified(String nhsNumber, boolean valid) {
        assertThat(IdentifierRules.nhsNumberCheckDigitMatches(nhsNumber)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "NI number {0} issuable: {1}")
    @CsvSource({"AB123456C, true", "GB123456A, false", "TN311258F, false", "ZZ123456D, false", "NK123456A, false", "JZ123456D, true"})
    void ni_numbers_with_unissued_prefixes_are_refused(String niNumber, boolean valid) {
        assertThat(IdentifierRules.niNumberIsIssuable(niNumber)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "postcode {0} valid: {1}")
    @CsvSource({
        "NR1 2AB, true", "SW1A 1AA, true", "W1A 0AX, true", "EC1A 1BB, true", "M1 1AE, true", "B33 8TH, true",
        "CR2 6XH, true", "DN55 1PT, true", "GIR 0AA, true",
        "QA1 1AA, false",     // Q never starts a postcode
        "NR1 2AC, false",     // C never appears in the inward code
        "NR1 2IB, false",
        "AI1 1AA, false",     // I never second
        "NR12 2AB, true",
    })
    void postcodes_follow_royal_mail_rules(String postcode, boolean valid) {
        assertThat(IdentifierRules.postcodeIsValid(postcode)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "academic year {0} valid: {1}")
    @CsvSource({"2025/26, true", "2099/00, true", "2025/27, false", "2025/25, false"})
    void academic_years_run_on(String year, boolean valid) {
        assertThat(IdentifierRules.academicYearFollowsOn(year)).isEqualTo(valid);
    }
}
