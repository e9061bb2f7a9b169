package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.AsbInterventionKindType;

/** An anti-social behaviour intervention against a person, by the police, the council or a landlord. */
public record AsbAction(String subject, AsbInterventionKindType kind, boolean housingRelated, Period period,
                        Source source) implements Fact {

    @Override
    public LocalDate date() {
        return period.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + (housingRelated ? " (housing related)" : "") + ", " + period.describe();
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(period);
    }
}
