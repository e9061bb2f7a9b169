package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.HomelessnessDecisionKindType;

/** A homelessness decision under Part 7 of the Housing Act 1996 about the member who applied. */
public record Homelessness(String subject, HomelessnessDecisionKindType decision, LocalDate decisionDate,
                           Boolean dueToDebt, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return decisionDate;
    }

    @Override
    public String summary() {
        return "Homelessness decision: " + Words.of(decision) + " on " + Dates.words(decisionDate)
                + (Boolean.TRUE.equals(dueToDebt) ? " (due to debt)" : "");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(decisionDate);
    }
}
