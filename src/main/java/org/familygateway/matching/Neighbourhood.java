package org.familygateway.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has lived at a record's address (or was declared in its household), and everywhere they have
 * lived: worked out once per record, so that a household tie with each candidate is a few look-ups.
 */
final class Neighbourhood {

    private final Map<String, List<IndexedPerson>> housematesByPlace = new HashMap<>();

    Neighbourhood(Profile record, CandidateIndex index) {
        for (String place : Places.of(record)) {
            index.residentsOf(place, housemate -> {
                for (String theirs : housemate.places()) {
                    housematesByPlace.computeIfAbsent(theirs, k -> new ArrayList<>(2)).add(housemate);
                }
            });
        }
    }

    /** Whether someone other than the candidate has lived both at the record's address and somewhere the candidate lived. */
    boolean tiedTo(IndexedPerson candidate) {
        if (housematesByPlace.isEmpty()) {
            return false;
        }
        for (String place : candidate.places()) {
            List<IndexedPerson> housemates = housematesByPlace.get(place);
            if (housemates != null) {
                for (IndexedPerson housemate : housemates) {
                    if (housemate != candidate) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
