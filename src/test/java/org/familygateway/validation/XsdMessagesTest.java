package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XsdMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cvc-pattern-valid: Value 'QQ12' is not facet-valid with respect to pattern '[0-9]+' for type 'NiNumberType'.|QQ12",
        "cvc-type.3.1.3: The value 'Smith' of element 'Surname' is not valid.|Smith",
        "cvc-datatype-valid.1.2.1: '2017-13-40' is not a valid value for 'date'.|2017-13-40",
        "cvc-enumeration-valid: Value 'BOY' is not facet-valid with respect to enumeration '[FEMALE, MALE]'.|BOY",
        "cvc-maxLength-valid: Value 'Jonathan' with length = '8' is not facet-valid with respect to maxLength '5'.|Jonathan",
    })
    void values_quoted_by_the_validator_are_withheld(String message, String value) {
        String safe = XsdMessages.withoutValues(message);
        assertThat(safe).doesNotContain("'" + value + "'").contains("(value withheld)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cvc-complex-type.2.4.a: Invalid content was found starting with element 'Gender'. One of '{DateOfBirth}' is expected.|'Gender'",
        "cvc-pattern-valid: Value 'x' is not facet-valid with respect to pattern '[0-9]+' for type 'NiNumberType'.|'NiNumberType'",
    })
    void names_of_elements_and_types_are_kept(String message, String kept) {
        assertThat(XsdMessages.withoutValues(message)).contains(kept);
    }
}
