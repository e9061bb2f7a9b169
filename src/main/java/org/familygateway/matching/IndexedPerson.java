package org.familygateway.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A person as the in-memory index holds them: every record linked to them (each a version of their
 * name, birth date and address, dated), their identifiers, and the places they have lived or were
 * declared members of a household at.
 */
final class IndexedPerson {

    private final long id;
    private final List<Profile> profiles = new ArrayList<>(2);
    private final List<Identifier> identifiers = new ArrayList<>(2);
    private final List<String> places = new ArrayList<>(2);
    /** The last candidate search that found this person: lets a search list each person once without a set. */
    private int lastSearch;

    IndexedPerson(long id) {
        this.id = id;
    }

    /** Marks the person as found by this search; false if already found by it. */
    boolean firstFoundBy(int search) {
        if (lastSearch == search) {
            return false;
        }
        lastSearch = search;
        return true;
    }

    long id() {
        return id;
    }

    List<Profile> profiles() {
        return profiles;
    }

    List<Identifier> identifiers() {
        return identifiers;
    }

    /** Premises keys ("U..." for a UPRN, "A..." for an address) and declared households ("H..."). */
    List<String> places() {
        return places;
    }

    boolean holds(Identifier identifier) {
        return identifiers.contains(identifier);
    }

    /** The first identifier of the same kind as the given one but with another value, or null. */
    Identifier conflictWith(Identifier identifier) {
        Identifier conflict = null;
        for (Identifier own : identifiers) {
            if (own.kind().equals(identifier.kind())) {
                if (own.value().equals(identifier.value())) {
                    return null;
                }
                conflict = own;
            }
        }
        return conflict;
    }

    boolean sharesAPlaceWith(IndexedPerson other) {
        for (String place : places) {
            if (other.places.contains(place)) {
                return true;
            }
        }
        return false;
    }

    void add(Profile profile) {
        profiles.add(profile);
        for (Identifier identifier : profile.identifiers()) {
            if (!identifiers.contains(identifier)) {
                identifiers.add(identifier);
            }
        }
        for (String place : Places.of(profile)) {
            if (!places.contains(place)) {
                places.add(place);
            }
        }
    }

    /** Forgets one record (when a reviewer unlinks it); identifiers and places are recomputed. */
    void remove(long recordId) {
        List<Profile> remaining = profiles.stream().filter(p -> p.recordId() != recordId).toList();
        profiles.clear();
        identifiers.clear();
        places.clear();
        remaining.forEach(this::add);
    }
}
