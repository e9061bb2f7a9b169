package org.familygateway.matching.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Word lists for synthetic people and places, commonest first, drawn with weight 1/(rank + flatten)
 * so that "Smith" is common and "Nguyen" rare, roughly as in England.
 */
final class NameLists {

    static final NameLists FEMALE = load("forenames-female.txt", 10);
    static final NameLists MALE = load("forenames-male.txt", 10);
    static final NameLists SURNAMES = load("surnames.txt", 20);
    static final NameLists STREETS = load("streets.txt", 40);

    private final List<String> words;
    private final double[] cumulative;

    private NameLists(List<String> words, int flatten) {
        this.words = words;
        this.cumulative = new double[words.size()];
        double total = 0;
        for (int i = 0; i < words.size(); i++) {
            total += 1.0 / (i + 1 + flatten);
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    String pick(Random random) {
        double draw = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < draw) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return words.get(low);
    }

    List<String> words() {
        return words;
    }

    private static NameLists load(String resource, int flatten) {
        List<String> words = new ArrayList<>();
        try (InputStream in = NameLists.class.getResourceAsStream(resource)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String word : line.trim().split("\\s+")) {
                        if (!word.isEmpty()) {
                            words.add(word);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameLists(words, flatten);
    }
}
