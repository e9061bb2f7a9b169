package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.BenefitKindType;
import org.familygateway.model.v1.CarerExceptionType;
import org.familygateway.model.v1.UcRegimeType;

/**
 * A spell on a benefit, open while it has no end. For Universal Credit the conditionality regime
 * decides whether it counts as out of work; a Carer's Allowance claim may carry one of
 * Nottinghamshire's exceptions.
 */
public record Benefit(String subject, BenefitKindType benefit, Period spell, UcRegimeType ucRegime,
                      CarerExceptionType carerException, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return spell.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(benefit)) + (ucRegime == null ? "" : " (" + Words.of(ucRegime) + ")")
                + (carerException == null ? "" : " (carer exception: " + Words.of(carerException) + ")") + ", " + spell.describe();
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(spell);
    }
}
