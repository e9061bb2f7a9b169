package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.OffenderSchemeType;

/** The member is managed under an offender management scheme (Norfolk's "180 degree offender management"). */
public record OffenderScheme(String subject, OffenderSchemeType scheme, Period period, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return period.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(scheme)) + " " + period.describe();
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(period);
    }
}
