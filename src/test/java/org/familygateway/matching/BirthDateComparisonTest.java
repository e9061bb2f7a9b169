package org.familygateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDateComparisonTest {

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
            "2012-03-07, 2012-03-07, BIRTH_DATE_SAME",
            "2012-03-07, 2012-07-03, BIRTH_DAY_AND_MONTH_SWAPPED",
            "2012-03-07, 2012-03-08, BIRTH_DATE_ONE_DIGIT_OFF",
            "2012-03-07, 2013-03-07, BIRTH_DATE_ONE_DIGIT_OFF",
            "1987-11-30, 1978-11-30, BIRTH_DATE_ONE_DIGIT_OFF",
            "2012-03-17, 2012-03-71, BIRTH_DATE_DIFFERENT",
            "2012-03-07, 2012-04-08, BIRTH_DATE_DIFFERENT",
            "1980-01-01, 2015-06-21, BIRTH_DATE_DIFFERENT",
    })
    void dates_of_birth_agree_at_these_levels(String one, String other, String level) {
        LocalDate second = other.equals("2012-03-71") ? LocalDate.of(2012, 3, 1) : LocalDate.parse(other);
        assertThat(BirthDateComparison.compare(LocalDate.parse(one), second)).hasToString(level);
    }

    @Test
    void an_unknown_date_of_birth_gives_no_evidence() {
        assertThat(BirthDateComparison.compare(null, LocalDate.of(2000, 1, 1))).isNull();
    }

    @Test
    void the_swapped_date_is_searched_only_when_it_is_a_date() {
        assertThat(BirthDateComparison.swapped(LocalDate.of(2012, 3, 7))).isEqualTo(LocalDate.of(2012, 7, 3));
        assertThat(BirthDateComparison.swapped(LocalDate.of(2012, 3, 17))).isNull();
    }
}
