package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.HealthServiceType;

/** A mental health need, drug or alcohol misuse, or a long-standing physical condition known to a service. */
public record HealthNeed(String subject, Need need, HealthServiceType service, Period known, boolean inTreatment,
                         Source source) implements Fact {

    /** The three kinds of health record the schema has. */
    public enum Need { MENTAL_HEALTH, SUBSTANCE_MISUSE, PHYSICAL_HEALTH }

    @Override
    public LocalDate date() {
        return known.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(need)) + " known to " + Words.of(service) + " " + known.describe()
                + (inTreatment ? ", in treatment" : "");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(known);
    }
}
