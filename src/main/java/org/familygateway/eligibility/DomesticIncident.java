package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.IncidentRoleType;

/** A domestic abuse incident and the member's part in it; one fact per person involved. */
public record DomesticIncident(String subject, String reference, LocalDate incidentDate, IncidentRoleType role,
                               boolean crimeRecorded, Source source) implements Fact {

    /** A police force's record of an incident is a police call-out (Nottinghamshire indicator 22). */
    boolean policeCallOut() {
        return source.agency() == AgencyKindType.POLICE;
    }

    @Override
    public LocalDate date() {
        return incidentDate;
    }

    @Override
    public String summary() {
        return "Domestic incident " + reference + " on " + Dates.words(incidentDate) + ", role: " + Words.of(role)
                + (crimeRecorded ? ", crime recorded" : "");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(incidentDate);
    }
}
