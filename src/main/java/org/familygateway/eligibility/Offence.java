package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.DisposalKindType;

/**
 * An offence proven by a conviction or an out-of-court disposal. Both dates are kept so that
 * either reading of "a proven offence in the last 12 months" can be computed.
 *
 * @param ageAtOffence as the police recorded it; when absent the date of birth decides
 */
public record Offence(String subject, LocalDate offenceDate, LocalDate disposalDate, DisposalKindType disposal,
                      Integer ageAtOffence, String category, boolean sexual, Source source) implements Fact {

    boolean conviction() {
        return disposal == DisposalKindType.CONVICTION;
    }

    @Override
    public LocalDate date() {
        return disposalDate;
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(disposal)) + " on " + Dates.words(disposalDate) + " for an offence on "
                + Dates.words(offenceDate) + " (" + category.toLowerCase().replace('_', ' ') + (sexual ? ", sexual offence" : "") + ")";
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(offenceDate, disposalDate);
    }
}
