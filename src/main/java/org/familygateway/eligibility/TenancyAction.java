package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.EnforcementGroundsType;
import org.familygateway.model.v1.EnforcementKindType;

/** A step a landlord took to enforce a tenancy. No document makes it a criterion; it is kept as context. */
public record TenancyAction(String subject, EnforcementKindType kind, EnforcementGroundsType grounds, LocalDate actionDate,
                            Source source) implements Fact {

    @Override
    public LocalDate date() {
        return actionDate;
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + " on " + Words.of(grounds) + " grounds, " + Dates.words(actionDate);
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(actionDate);
    }
}
