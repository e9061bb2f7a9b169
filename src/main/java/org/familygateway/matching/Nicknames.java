package org.familygateway.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Common English forename variants ("Bill" for William, "Peggy" for Margaret), read from the
 * {@code nicknames.txt} resource beside this class: one group per line, the formal name first. A name
 * can be in several groups ("alex" is Alexander's and Alexandra's), so two names are variants of each
 * other when they share a group.
 */
final class Nicknames {

    private static final Nicknames ENGLISH = load("nicknames.txt");

    private final Map<String, Set<Integer>> groups;

    private Nicknames(Map<String, Set<Integer>> groups) {
        this.groups = groups;
    }

    static Nicknames english() {
        return ENGLISH;
    }

    /** Whether two plain first names are different forms of the same name. */
    boolean variants(String one, String other) {
        Set<Integer> first = groups.get(one);
        Set<Integer> second = groups.get(other);
        if (first == null || second == null) {
            return false;
        }
        for (Integer group : first) {
            if (second.contains(group)) {
                return true;
            }
        }
        return false;
    }


    private static Nicknames load(String resource) {
        Map<String, Set<Integer>> groups = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the nickname list " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int group = 0;
            while ((line = reader.readLine()) != null) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                for (String name : content.replace(":", " ").replace(",", " ").split("\\s+")) {
                    groups.computeIfAbsent(NameForms.plain(name), n -> new HashSet<>()).add(group);
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the nickname list " + resource, e);
        }
        return new Nicknames(groups);
    }
}
