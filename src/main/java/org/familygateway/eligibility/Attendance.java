package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * A pupil's attendance for one term, in sessions (two a day). A dual-registered pupil's subsidiary
 * school sends one too; only the main registration counts, so that sessions are not counted twice.
 */
public record Attendance(String subject, Term term, int possible, int authorised, int unauthorised,
                         boolean mainRegistration, LocalDate date, Source source) implements Fact {

    public Attendance {
        if (possible < 0 || authorised < 0 || unauthorised < 0 || authorised + unauthorised > possible) {
            throw new IllegalArgumentException("attendance for " + term.label() + " does not add up: " + authorised
                    + " authorised and " + unauthorised + " unauthorised absences of " + possible + " possible sessions");
        }
    }

    @Override
    public String summary() {
        return Words.capitalised(term.label()) + ": " + unauthorised + " unauthorised and " + authorised
                + " authorised absences of " + possible + " possible sessions" + (mainRegistration ? "" : " (subsidiary registration)");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(date);
    }
}
