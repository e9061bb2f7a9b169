package org.familygateway.matching.synthetic;

import java.time.LocalDate;

import org.familygateway.matching.AgencyRecord.Gender;

/** A synthetic person as they really are: the truth every agency record about them is a view of. */
public record TruePerson(int id, int familyId, String forename, String middleNames, String surname, LocalDate birthDate,
        Gender gender, String upn, String niNumber, String nhsNumber) {

    int ageOn(LocalDate date) {
        return birthDate.until(date).getYears();
    }

    boolean bornBy(LocalDate date) {
        return !birthDate.isAfter(date);
    }
}
