package org.familygateway.matching.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic homes: a house number and street in a postcode, about a dozen homes to a postcode as in
 * England (the postcode space is sized to the population), each with its own UPRN. Streets belong to a postcode district, so a move within a town
 * often keeps the district and sometimes the sector.
 */
final class Addresses {

    private static final List<String> AREAS = List.of("NR", "LS", "M", "B", "DE", "CA", "NG", "N", "EN", "HA", "IP", "PE", "S", "L",
            "BS", "CF", "SO", "OX", "CB", "LE");
    private static final List<String> TOWNS = List.of("Norwich", "Leeds", "Manchester", "Birmingham", "Derby", "Carlisle",
            "Nottingham", "London", "Enfield", "Harrow", "Ipswich", "Peterborough", "Sheffield", "Liverpool", "Bristol", "Cardiff",
            "Southampton", "Oxford", "Cambridge", "Leicester");
    private static final List<String> SUFFIXES = List.of("Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent",
            "Gardens", "Place", "Court", "Terrace", "Grove", "Rise", "View", "Walk");
    private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final Random random;
    private final int districtsPerArea;
    private final int unitsPerSector;
    private final Set<String> used = new HashSet<>();
    private long nextUprn = 100_000_000_000L;

    Addresses(Random random, int expectedPeople) {
        this.random = random;
        int postcodes = Math.max(50, expectedPeople / 36);
        this.districtsPerArea = Math.max(1, Math.min(99, postcodes / (AREAS.size() * 10 * 10)));
        this.unitsPerSector = Math.max(1, Math.min(UNIT_LETTERS.length() * UNIT_LETTERS.length(),
                postcodes / (AREAS.size() * 10 * districtsPerArea)));
    }

    Family.Address next() {
        while (true) {
            int area = random.nextInt(AREAS.size());
            int district = 1 + random.nextInt(districtsPerArea);
            int sector = random.nextInt(10);
            int u = random.nextInt(unitsPerSector) * 7 % (UNIT_LETTERS.length() * UNIT_LETTERS.length());
            String unit = "" + UNIT_LETTERS.charAt(u / UNIT_LETTERS.length()) + UNIT_LETTERS.charAt(u % UNIT_LETTERS.length());
            String postcode = AREAS.get(area) + district + " " + sector + unit;
            Random street = new Random(postcode.hashCode());
            String streetName = NameLists.STREETS.words().get(street.nextInt(NameLists.STREETS.words().size())) + " "
                    + SUFFIXES.get(street.nextInt(SUFFIXES.size()));
            String line = (1 + random.nextInt(120)) + " " + streetName;
            if (used.add(line + "|" + postcode)) {
                return new Family.Address(line, TOWNS.get(area), postcode, Long.toString(nextUprn++));
            }
        }
    }
}
