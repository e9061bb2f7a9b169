package org.familygateway.eligibility;

import java.time.LocalDate;

/** What a fact test looks at: the household's evidence, the evaluation date and the school calendar. */
record Context(Household household, LocalDate on, SchoolCalendar calendar) {

    /** "In the last n months": after the same day n months before, up to and including the evaluation date. */
    boolean within(LocalDate day, Integer months) {
        return !day.isAfter(on) && (months == null || day.isAfter(on.minusMonths(months)));
    }

    String window(Integer months) {
        return months == null ? "at any time" : "in the last " + months + " months (since " + Dates.words(on.minusMonths(months).plusDays(1)) + ")";
    }

    /** Why a dated fact is outside the window, for the explanation of a near miss. */
    String outside(LocalDate day, Integer months) {
        return day.isAfter(on) ? "is after the evaluation date" : "is more than " + months + " months before " + Dates.words(on);
    }
}
