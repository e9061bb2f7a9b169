package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.Objects;

import org.familygateway.model.v1.GenderType;
import org.familygateway.model.v1.HouseholdRoleType;

/**
 * A member of the household as the gateway has linked them across agencies. Only the pseudonymous
 * subject id identifies them here; names never reach the rules.
 */
public record Member(String subjectId, HouseholdRoleType role, LocalDate born, GenderType gender) {

    public Member {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(born, "born");
        gender = gender == null ? GenderType.NOT_KNOWN : gender;
    }

    int ageOn(LocalDate day) {
        return Dates.age(born, day);
    }

    /** "Under 18" in every document; the date of birth decides, not the role a referrer ticked. */
    boolean childOn(LocalDate day) {
        return ageOn(day) < 18;
    }

    /**
     * Age on the 31 August before the academic year that holds the day: the age that decides a
     * pupil's year group (academic age 15 is Year 11, the last year of compulsory school).
     */
    int academicAgeOn(LocalDate day) {
        int startYear = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return Dates.age(born, LocalDate.of(startYear, 8, 31));
    }

    /** Nottinghamshire's "parenting responsibility": a parent or carer in the household. */
    boolean parentOrCarer() {
        return role == HouseholdRoleType.PARENT_OR_CARER;
    }
}
