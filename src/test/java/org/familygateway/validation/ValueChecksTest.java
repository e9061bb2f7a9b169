package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValueChecksTest {

    static Stream<String> dates() {
        return Stream.of("2024-02-29", "2023-02-29", "2025-12-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31",
                "0000-01-01", "9999-12-31", "2025-1-01", "2025/01/01", "2025-01-1x", "２０２５-01-01", "-2025-01-01", "+12025-01-01",
                "2025-01-01Z", "2025-01-01+01:00", "2025-01-01-05:00", "2025-01-01+25:00", "2025-01-01T00:00", " 2025-01-01",
                "", "2025-01-01 ");
    }

    @ParameterizedTest
    @MethodSource("dates")
    void a_date_is_read_as_iso_date_reads_it(String value) {
        assertThat(ValueChecks.date(value)).isEqualTo(isoDate(value));
    }

    private static LocalDate isoDate(String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
