package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.ConcernCodeType;

/** A coded concern a referrer raised about a member: a practitioner's claim, which a rule set may or may not accept. */
public record ReferralConcern(String subject, ConcernCodeType code, LocalDate observedOn, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return observedOn;
    }

    @Override
    public String summary() {
        return "Referral concern: " + Words.of(code) + ", observed " + Dates.words(observedOn);
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(observedOn);
    }
}
