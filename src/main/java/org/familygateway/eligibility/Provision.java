package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.ProvisionKindType;
import org.familygateway.model.v1.ProvisionReasonType;

/** A placement in a pupil referral unit, short stay school or other alternative provision, and why. */
public record Provision(String subject, ProvisionKindType kind, ProvisionReasonType reason, Period placement,
                        Source source) implements Fact {

    @Override
    public LocalDate date() {
        return placement.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + " placement " + placement.describe() + " (reason: " + Words.of(reason) + ")";
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(placement);
    }
}
