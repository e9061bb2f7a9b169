package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.SupervisionKindType;

/** The member is supervised by probation: on licence, post-sentence supervision or a community sentence. */
public record Supervision(String subject, SupervisionKindType kind, Period period, LocalDate recalled,
                          Source source) implements Fact {

    @Override
    public LocalDate date() {
        return period.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + " " + period.describe()
                + (recalled == null ? "" : ", recalled " + Dates.words(recalled));
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(period, recalled);
    }
}
