package org.familygateway.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The in-memory blocking index over every person in the persistent index: identifiers for the
 * deterministic step, blocks for the probabilistic one, and who has lived at each place for
 * household ties. It is loaded from the database at start and kept in step with it as records are
 * matched (see {@code docs/matching.md} for why matching reads memory, not the database).
 */
final class CandidateIndex {

    /** A block larger than this (a very common surname in one year) is skipped rather than scanned. */
    static final int LARGEST_BLOCK = 5000;

    private final Map<Long, IndexedPerson> people = new HashMap<>();
    private final PeopleByKey identifiers = new PeopleByKey();
    private final PeopleByKey blocks = new PeopleByKey();
    private final PeopleByKey residents = new PeopleByKey();
    private final Interner interner = new Interner();
    private int searches;

    int size() {
        return people.size();
    }

    IndexedPerson person(long id) {
        IndexedPerson person = people.get(id);
        if (person == null) {
            throw new IllegalArgumentException("no person " + id + " in the index");
        }
        return person;
    }

    IndexedPerson personOrNew(long id) {
        return people.computeIfAbsent(id, IndexedPerson::new);
    }

    /** Files a stored record under its person, in every block and index it belongs to. */
    void add(long personId, long recordId, Profile profile) {
        IndexedPerson person = personOrNew(personId);
        Profile stored = profile.stored(recordId, interner);
        Set<String> before = keysOf(person);
        person.add(stored);
        file(person, before);
    }

    /** Takes a record away from its person (an unlink). */
    void removeRecord(long personId, long recordId) {
        IndexedPerson person = person(personId);
        unfile(person);
        person.remove(recordId);
        file(person, Set.of());
    }

    /** Moves every record of one person to another (a confirmed review). */
    void merge(long fromId, long intoId) {
        IndexedPerson from = person(fromId);
        IndexedPerson into = person(intoId);
        unfile(from);
        people.remove(fromId);
        Set<String> before = keysOf(into);
        from.profiles().forEach(into::add);
        file(into, before);
    }

    /** Everyone holding any of these identifiers. */
    Set<IndexedPerson> holdersOf(List<Identifier> wanted) {
        Set<IndexedPerson> holders = new LinkedHashSet<>();
        for (Identifier identifier : wanted) {
            identifiers.forEach(identifier.key(), Integer.MAX_VALUE, p -> {
                if (p.holds(identifier)) {
                    holders.add(p);
                }
            });
        }
        return holders;
    }

    /** The people in the blocks this record searches, each once, in the order found. */
    Collection<IndexedPerson> candidates(Profile profile) {
        int search = ++searches;
        List<IndexedPerson> candidates = new ArrayList<>();
        for (String key : BlockingKeys.search(profile)) {
            blocks.forEach(key, LARGEST_BLOCK, person -> {
                if (person.firstFoundBy(search)) {
                    candidates.add(person);
                }
            });
        }
        return candidates;
    }

    /** Everyone who has lived at, or been declared a household member at, the place. */
    void residentsOf(String place, Consumer<IndexedPerson> action) {
        residents.forEach(place, Integer.MAX_VALUE, action);
    }

    private void file(IndexedPerson person, Set<String> alreadyFiled) {
        for (String key : keysOf(person)) {
            if (alreadyFiled.contains(key)) {
                continue;
            }
            switch (key.charAt(0)) {
                case 'I' -> identifiers.add(key.substring(1), person);
                case 'B' -> blocks.add(key.substring(1), person);
                default -> residents.add(key.substring(1), person);
            }
        }
    }

    private void unfile(IndexedPerson person) {
        for (String key : keysOf(person)) {
            switch (key.charAt(0)) {
                case 'I' -> identifiers.remove(key.substring(1), person);
                case 'B' -> blocks.remove(key.substring(1), person);
                default -> residents.remove(key.substring(1), person);
            }
        }
    }

    private static Set<String> keysOf(IndexedPerson person) {
        Set<String> keys = new LinkedHashSet<>();
        for (Identifier identifier : person.identifiers()) {
            keys.add("I" + identifier.key());
        }
        for (Profile profile : person.profiles()) {
            BlockingKeys.filing(profile).forEach(k -> keys.add("B" + k));
        }
        for (String place : person.places()) {
            keys.add("R" + place);
        }
        return keys;
    }
}
