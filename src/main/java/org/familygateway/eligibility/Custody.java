package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.CustodyKindType;

/** The member is, or was, in prison. */
public record Custody(String subject, CustodyKindType kind, LocalDate reception, LocalDate expectedRelease,
                      LocalDate released, Source source) implements Fact {

    boolean inPrisonOn(LocalDate day) {
        return !reception.isAfter(day) && (released == null || released.isAfter(day));
    }

    @Override
    public LocalDate date() {
        return reception;
    }

    @Override
    public String summary() {
        return "In custody (" + Words.of(kind) + ") since " + Dates.words(reception)
                + (expectedRelease == null ? "" : ", expected release " + Dates.words(expectedRelease))
                + (released == null ? "" : ", released " + Dates.words(released));
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(reception, expectedRelease, released);
    }
}
