package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The member works (or worked) over the period. */
public record Employment(String subject, Period period, BigDecimal hoursPerWeek, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return period.from();
    }

    @Override
    public String summary() {
        return "In work " + period.describe() + (hoursPerWeek == null ? "" : ", " + hoursPerWeek.toPlainString() + " hours a week");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(period);
    }
}
