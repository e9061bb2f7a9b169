package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.SharingBasisType;

/**
 * What a referral relied on to share: the family's consent (Norfolk works with a family once it has
 * consented) or a lawful basis instead. A consent may expire or be withdrawn.
 */
public record SharingBasis(SharingBasisType basis, LocalDate given, LocalDate expires, LocalDate withdrawn,
                           Source source) implements Fact {

    boolean consentStandsOn(LocalDate day) {
        return basis == SharingBasisType.CONSENT && !given.isAfter(day)
                && (expires == null || !expires.isBefore(day)) && (withdrawn == null || withdrawn.isAfter(day));
    }

    @Override
    public String subject() {
        return null;
    }

    @Override
    public LocalDate date() {
        return given;
    }

    @Override
    public String summary() {
        return (basis == SharingBasisType.CONSENT ? "Consent given on " : "Lawful basis relied on from ") + Dates.words(given)
                + (expires == null ? "" : ", expires " + Dates.words(expires))
                + (withdrawn == null ? "" : ", withdrawn " + Dates.words(withdrawn));
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(given, expires, withdrawn);
    }
}
