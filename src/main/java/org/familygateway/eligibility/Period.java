package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of days, both ends included; {@code to} is absent while it is still open (a benefit claim
 * not yet ended, a placement still going on).
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period since(LocalDate from) {
        return new Period(from, null);
    }

    boolean openOn(LocalDate day) {
        return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }

    /** True if any day of this period falls in (after, until]: the way "in the last 12 months" is read. */
    boolean overlapsAfter(LocalDate after, LocalDate until) {
        return !from.isAfter(until) && (to == null || to.isAfter(after));
    }

    String describe() {
        return to == null ? "since " + Dates.words(from) : Dates.words(from) + " to " + Dates.words(to);
    }
}
