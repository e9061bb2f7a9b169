package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.AssessmentKindType;

/**
 * An assessment or statutory plan a referral came with (Cumbria expects an Early Help Assessment or a
 * Statutory Plan with every request for support).
 *
 * @param date when it was completed, or else when the referral that named it was made
 */
public record Assessment(AssessmentKindType kind, String reference, LocalDate date, Boolean permissionToShare,
                         Source source) implements Fact {

    @Override
    public String subject() {
        return null;
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + " " + reference + " of " + Dates.words(date)
                + (Boolean.TRUE.equals(permissionToShare) ? ", with permission to share it" : "");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(date);
    }
}
