package org.familygateway.matching.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** The slips agencies make when they record a person, at the rates of a noise profile. */
final class Noise {

    private static final Map<String, List<String>> NICKNAMES = nicknames();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Random random;
    private final NoiseProfile profile;

    Noise(Random random, NoiseProfile profile) {
        this.random = random;
        this.profile = profile;
    }

    boolean chance(double rate) {
        return random.nextDouble() < rate;
    }

    String forename(TruePerson person) {
        if (person.middleNames() != null && chance(profile.middleNameAsForename())) {
            return person.middleNames();
        }
        List<String> nicknames = NICKNAMES.get(person.forename().toLowerCase(Locale.ROOT));
        if (nicknames != null && chance(profile.nickname())) {
            return capitalise(nicknames.get(random.nextInt(nicknames.size())));
        }
        if (chance(profile.initialOnly())) {
            return person.forename().substring(0, 1);
        }
        return chance(profile.forenameTypo()) ? typo(person.forename()) : person.forename();
    }

    String surname(TruePerson person) {
        String surname = person.surname();
        int hyphen = surname.indexOf('-');
        if (hyphen > 0 && chance(profile.partialDoubleBarrel())) {
            surname = random.nextBoolean() ? surname.substring(0, hyphen) : surname.substring(hyphen + 1);
        }
        return chance(profile.surnameTypo()) ? typo(surname) : surname;
    }

    LocalDate birthDate(LocalDate truth) {
        if (truth.getDayOfMonth() <= 12 && truth.getDayOfMonth() != truth.getMonthValue() && chance(profile.dayMonthSwapped())) {
            return LocalDate.of(truth.getYear(), truth.getDayOfMonth(), truth.getMonthValue());
        }
        if (chance(profile.birthDateDigit())) {
            for (int attempt = 0; attempt < 10; attempt++) {
                try {
                    return switch (random.nextInt(3)) {
                        case 0 -> truth.withDayOfMonth(truth.getDayOfMonth() % 10 == 9 ? truth.getDayOfMonth() - 1 : truth.getDayOfMonth() + 1);
                        case 1 -> truth.withYear(truth.getYear() + (random.nextBoolean() ? 1 : -1));
                        default -> truth.withMonth(truth.getMonthValue() % 10 == 9 ? truth.getMonthValue() - 1 : truth.getMonthValue() + 1);
                    };
                } catch (DateTimeException e) {
                    // 31 in a shorter month: try another slip
                }
            }
        }
        return truth;
    }

    String addressLine(String line) {
        String written = line;
        if (chance(profile.addressVariant())) {
            written = switch (random.nextInt(3)) {
                case 0 -> written.replace(" Road", " Rd").replace(" Street", " St").replace(" Avenue", " Ave").replace(" Lane", " Ln")
                        .replace(" Close", " Cl").replace(" Drive", " Dr");
                case 1 -> written.toUpperCase(Locale.ROOT);
                default -> written.replaceFirst(" ", ", ");
            };
        }
        if (chance(profile.addressTypo())) {
            int space = written.indexOf(' ');
            written = written.substring(0, space + 1) + typo(written.substring(space + 1));
        }
        return written;
    }

    /** One slip: a letter changed, dropped, doubled, or two neighbours swapped (never the first letter). */
    String typo(String word) {
        if (word.length() < 3) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + letter + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }

    private static String capitalise(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Formal name to its short forms, from the nickname list the gateway ships. */
    private static Map<String, List<String>> nicknames() {
        Map<String, List<String>> nicknames = new HashMap<>();
        try (InputStream in = Noise.class.getResourceAsStream("/org/familygateway/matching/nicknames.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(":");
                    nicknames.put(parts[0].trim(), new ArrayList<>(List.of(parts[1].trim().split("\\s+"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nicknames;
    }
}
