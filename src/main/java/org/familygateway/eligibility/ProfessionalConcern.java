package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.ConcernDomainType;

/**
 * A professional's recorded concern, shared as a record: Nottinghamshire lets one stand for threshold
 * data ("referred by professionals as having ... equivalent concern"). The agency is the source's.
 */
public record ProfessionalConcern(String subject, ConcernDomainType domain, LocalDate raisedOn, String practitionerRole,
                                  Source source) implements Fact {

    @Override
    public LocalDate date() {
        return raisedOn;
    }

    @Override
    public String summary() {
        return "Concern about " + Words.of(domain) + " raised by a " + practitionerRole + " on " + Dates.words(raisedOn);
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(raisedOn);
    }
}
