package org.familygateway.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocking: which people a record is compared with. A person is filed under their exact birth date,
 * under the phonetic code of each part of their surname with their birth year, and under their
 * postcode. A record looks in the same blocks, and also under its birth date with day and month
 * swapped and under its forename's code with its birth year (forename and surname transposed). So a
 * true match is found if the birth date is right (whatever the names), or the surname sounds alike
 * and the year is right (whatever the day), or they share a postcode (whatever the rest).
 */
final class BlockingKeys {

    private BlockingKeys() {
    }

    /** The blocks a person is filed under for this record. */
    static List<String> filing(Profile profile) {
        List<String> keys = new ArrayList<>(4);
        LocalDate birth = profile.birthDate();
        if (birth != null) {
            keys.add("D" + birth);
            for (String part : profile.surnameParts()) {
                keys.add(surnameYear(part, birth.getYear()));
            }
        }
        if (!profile.premises().postcode().isEmpty()) {
            keys.add("P" + profile.premises().postcode());
        }
        return keys;
    }

    /** The blocks to look in for candidates for this record. */
    static List<String> search(Profile profile) {
        List<String> keys = filing(profile);
        LocalDate birth = profile.birthDate();
        if (birth != null) {
            LocalDate swapped = BirthDateComparison.swapped(birth);
            if (swapped != null) {
                keys.add("D" + swapped);
            }
            if (!profile.forename().isEmpty()) {
                keys.add(surnameYear(profile.forename(), birth.getYear()));
            }
        }
        return keys;
    }

    private static String surnameYear(String plainPart, int year) {
        return "S" + NameForms.phonetic(plainPart) + year;
    }
}
