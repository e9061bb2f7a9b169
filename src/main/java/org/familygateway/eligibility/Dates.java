package org.familygateway.eligibility;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as council staff read them, and ages in whole years. */
final class Dates {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    static String words(LocalDate date) {
        return date.format(WORDS);
    }

    static int age(LocalDate born, LocalDate on) {
        return java.time.Period.between(born, on).getYears();
    }
}
