package org.familygateway.matching;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.matching.AgencyRecord.Gender;

/**
 * One record in the forms the matcher compares, worked out once when the record arrives: plain and
 * phonetic names, the birth date, the premises, the identifiers. {@code recordId} is 0 until stored.
 */
record Profile(
        long recordId,
        List<Identifier> identifiers,
        String forename,
        String forenameCode,
        String middleNames,
        String surname,
        List<String> surnameParts,
        String surnameCode,
        LocalDate birthDate,
        Gender gender,
        Premises premises,
        String declaredHousehold,
        LocalDate effectiveFrom) {

    static Profile of(AgencyRecord record) {
        String forename = NameForms.firstWord(record.forename());
        List<String> parts = NameForms.parts(record.surname());
        String surname = String.join("", parts);
        return new Profile(0, Identifier.of(record), forename, NameForms.phonetic(forename), NameForms.plain(record.middleNames()), surname,
                parts, NameForms.phonetic(surname), record.dateOfBirth(),
                record.gender(), Premises.of(record.addressLines(), record.postcode(), record.uprn()),
                record.declaredHousehold(), record.effectiveFrom());
    }

    /** The same profile, stored as the record with this id, its strings shared through the interner. */
    Profile stored(long id, Interner interner) {
        return new Profile(id, identifiers, interner.of(forename), interner.of(forenameCode), interner.of(middleNames), interner.of(surname),
                surnameParts.stream().map(interner::of).toList(), interner.of(surnameCode), birthDate, gender, premises,
                declaredHousehold, effectiveFrom);
    }
}
