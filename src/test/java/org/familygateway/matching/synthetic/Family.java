package org.familygateway.matching.synthetic;

import java.time.LocalDate;
import java.util.List;

/** A synthetic family: its members and its homes over time (each from a date until the next). */
public record Family(int id, List<TruePerson> members, List<Home> homes) {

    /** An address, with the UPRN the agencies that hold UPRNs use for it. */
    public record Address(String line, String town, String postcode, String uprn) {
    }

    public record Home(Address address, LocalDate from) {
    }

    /** Where the family lived on a date; with {@code stale}, the home before that one if there was one. */
    Address homeOn(LocalDate date, boolean stale) {
        int current = 0;
        for (int i = 0; i < homes.size(); i++) {
            if (!homes.get(i).from().isAfter(date)) {
                current = i;
            }
        }
        return homes.get(stale && current > 0 ? current - 1 : current).address();
    }
}
