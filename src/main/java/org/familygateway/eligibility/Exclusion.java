package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.ExclusionKindType;
import org.familygateway.model.v1.ExclusionReviewType;

/** One exclusion episode, counted in the term it started; a reinstated or withdrawn one no longer counts. */
public record Exclusion(String subject, ExclusionKindType kind, LocalDate start, ExclusionReviewType review,
                        Source source) implements Fact {

    boolean stands() {
        return review != ExclusionReviewType.REINSTATED && review != ExclusionReviewType.WITHDRAWN;
    }

    @Override
    public LocalDate date() {
        return start;
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + " exclusion from " + Dates.words(start)
                + (review == null ? "" : " (" + Words.of(review) + " on review)");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(start);
    }
}
