package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Rent owed on a tenancy on a given date. No document gives a threshold; it is kept as context. */
public record Arrears(String subject, LocalDate asOf, long amountPence, BigDecimal weeks, boolean arrangement,
                      Source source) implements Fact {

    @Override
    public LocalDate date() {
        return asOf;
    }

    @Override
    public String summary() {
        return String.format("Rent arrears of £%d.%02d (%s weeks) on %s%s", amountPence / 100, amountPence % 100,
                weeks == null ? "?" : weeks.toPlainString(), Dates.words(asOf), arrangement ? ", repayment arrangement in place" : "");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(asOf);
    }
}
