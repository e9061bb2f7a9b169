package org.familygateway.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.matching.AgencyRecord.Gender;

/**
 * Blocking: which people a record is compared with. A person is filed under their exact birth date
 * and gender (under both genders when it is not known); under the phonetic code of each part of
 * their surname with their birth year and month; under that code with the initial of their
 * forename and their birth year; and under their postcode. A record looks in the same blocks, and
 * also under its surname code with day and month swapped, and under its forename's code with its
 * birth year and month (forename and surname transposed). So a true match is found if the birth
 * date and gender are right (whatever the names and address), or the surname sounds alike and
 * either the day or the month and the forename's initial are right (wherever they live), or they
 * share a postcode (whatever the rest). A record missed by all of these (a new address and a slip
 * in the year of birth, say) becomes a new person.
 */
final class BlockingKeys {

    private BlockingKeys() {
    }

    /** The blocks a person is filed under for this record. */
    static List<String> filing(Profile profile) {
        List<String> keys = new ArrayList<>(6);
        LocalDate birth = profile.birthDate();
        if (birth != null) {
            birthDate(keys, birth, profile.gender());
            String initial = profile.forename().isEmpty() ? "" : profile.forename().substring(0, 1);
            for (String part : profile.surnameParts()) {
                String code = NameForms.phonetic(part);
                keys.add(surnameMonth(code, birth.getYear(), birth.getMonthValue()));
                keys.add("F" + code + "/" + initial + "/" + birth.getYear());
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
            for (String part : swapped == null ? List.<String>of() : profile.surnameParts()) {
                keys.add(surnameMonth(NameForms.phonetic(part), swapped.getYear(), swapped.getMonthValue()));
            }
            if (!profile.forename().isEmpty()) {
                keys.add(surnameMonth(NameForms.phonetic(profile.forename()), birth.getYear(), birth.getMonthValue()));
            }
        }
        return keys;
    }

    /** Birth date and gender; an unknown gender is filed (and searched) under both. */
    private static void birthDate(List<String> keys, LocalDate birth, Gender gender) {
        if (gender != Gender.MALE) {
            keys.add("DF" + birth);
        }
        if (gender != Gender.FEMALE) {
            keys.add("DM" + birth);
        }
    }

    private static String surnameMonth(String code, int year, int month) {
        return "S" + code + "/" + year + "-" + month;
    }
}
