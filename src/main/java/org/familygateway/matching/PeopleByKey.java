package org.familygateway.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A multimap from a 64-bit key hash to people, compact for a million people: a key held by one
 * person maps to that person, only shared keys get a list. Keys are hashed, so an unlucky collision
 * can add a candidate but never hide one; callers check what they find.
 */
final class PeopleByKey {

    private final Map<Long, Object> entries = new HashMap<>();

    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    void add(String key, IndexedPerson person) {
        Long hash = hash(key);
        Object entry = entries.get(hash);
        if (entry == null) {
            entries.put(hash, person);
        } else if (entry instanceof IndexedPerson single) {
            if (single != person) {
                List<IndexedPerson> people = new ArrayList<>(2);
                people.add(single);
                people.add(person);
                entries.put(hash, people);
            }
        } else {
            @SuppressWarnings("unchecked")
            List<IndexedPerson> people = (List<IndexedPerson>) entry;
            people.add(person);
        }
    }

    void remove(String key, IndexedPerson person) {
        Long hash = hash(key);
        Object entry = entries.get(hash);
        if (entry == person) {
            entries.remove(hash);
        } else if (entry instanceof List<?> people) {
            people.remove(person);
        }
    }

    /** Calls back for each person under the key, unless more than {@code limit} are. */
    int forEach(String key, int limit, Consumer<IndexedPerson> action) {
        Object entry = entries.get(hash(key));
        if (entry instanceof IndexedPerson single) {
            action.accept(single);
            return 1;
        }
        if (entry instanceof List<?> people && people.size() <= limit) {
            for (Object person : people) {
                action.accept((IndexedPerson) person);
            }
            return people.size();
        }
        return 0;
    }
}
