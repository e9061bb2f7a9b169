package org.familygateway.matching;

import java.time.LocalDate;

/**
 * Compares dates of birth: the same; day and month swapped (a US-style entry); one digit of
 * YYYYMMDD mistyped or two adjacent digits transposed; or different. An unknown date gives no
 * evidence either way.
 */
final class BirthDateComparison {

    private BirthDateComparison() {
    }

    /** The level, or null when either date is unknown. */
    static Evidence compare(LocalDate one, LocalDate other) {
        if (one == null || other == null) {
            return null;
        }
        if (one.equals(other)) {
            return Evidence.BIRTH_DATE_SAME;
        }
        if (one.getYear() == other.getYear() && one.getDayOfMonth() == other.getMonthValue()
                && one.getMonthValue() == other.getDayOfMonth()) {
            return Evidence.BIRTH_DAY_AND_MONTH_SWAPPED;
        }
        if (oneKeystrokeApart(digits(one), digits(other))) {
            return Evidence.BIRTH_DATE_ONE_DIGIT_OFF;
        }
        return Evidence.BIRTH_DATE_DIFFERENT;
    }

    /** The day with day and month swapped, when that is a date, else null: where to look for swaps. */
    static LocalDate swapped(LocalDate date) {
        if (date == null || date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
            return null;
        }
        try {
            return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(LocalDate date) {
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** Whether two YYYYMMDD numbers differ in one digit, or by two adjacent digits swapped. */
    private static boolean oneKeystrokeApart(int a, int b) {
        int differences = 0;
        int position = -1;
        int firstA = 0;
        int firstB = 0;
        int secondA = 0;
        int secondB = 0;
        for (int i = 0; i < 8; i++, a /= 10, b /= 10) {
            int x = a % 10;
            int y = b % 10;
            if (x != y) {
                differences++;
                if (differences == 1) {
                    position = i;
                    firstA = x;
                    firstB = y;
                } else if (differences == 2 && i == position + 1) {
                    secondA = x;
                    secondB = y;
                } else {
                    return false;
                }
            }
        }
        return differences == 1 || differences == 2 && firstA == secondB && firstB == secondA;
    }
}
