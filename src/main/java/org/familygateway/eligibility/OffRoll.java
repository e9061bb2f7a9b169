package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.NotOnRollKindType;

/** A child of compulsory school age on no school roll: missing education, or educated at home. */
public record OffRoll(String subject, NotOnRollKindType kind, Period period, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return period.from();
    }

    @Override
    public String summary() {
        return "Not on a school roll (" + Words.of(kind) + ") " + period.describe();
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(period);
    }
}
