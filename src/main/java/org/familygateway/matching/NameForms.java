package org.familygateway.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How names are compared: lower case, accents removed ("Zoë" is "zoe"), apostrophes dropped
 * ("O'Brien" is "obrien"), other punctuation a separator; a double-barrelled or hyphenated surname is
 * also kept as its parts. Phonetic codes are Double Metaphone's primary code.
 */
final class NameForms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("['’`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z]+");
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final int MOST_CODES = 200_000;
    private static final Map<String, String> CODES = new ConcurrentHashMap<>();

    private NameForms() {
    }

    /** The plain form: lower-case letters and single spaces, e.g. "Smith-Jones" is "smith jones". */
    static String plain(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else if (c >= 128) {
                return unicodePlain(name);
            } else if (c != '\'' && c != '`') {
                gap = true;
            }
        }
        return out.toString();
    }

    /** The same for names with letters beyond ASCII: accents are taken off first. */
    private static String unicodePlain(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String letters = DROPPED.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
        return SEPARATORS.matcher(letters.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }


    /** The parts of a name: "Smith-Jones" gives [smith, jones]; a single name gives itself. */
    static List<String> parts(String name) {
        String plain = plain(name);
        List<String> parts = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= plain.length(); i++) {
            if (i == plain.length() || plain.charAt(i) == ' ') {
                if (i > start) {
                    parts.add(plain.substring(start, i));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    /** The first word of a forename ("Mary Anne" is "mary"), which is what agencies most agree on. */
    static String firstWord(String name) {
        List<String> parts = parts(name);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    /** The Double Metaphone code of a plain word; names repeat, so codes are remembered (up to a bound). */
    static String phonetic(String plainWord) {
        if (plainWord.isEmpty()) {
            return "";
        }
        String known = CODES.get(plainWord);
        if (known != null) {
            return known;
        }
        String code = METAPHONE.doubleMetaphone(plainWord);
        code = code == null ? "" : code;
        if (CODES.size() < MOST_CODES) {
            CODES.put(plainWord, code);
        }
        return code;
    }

    /** Removes white space and upper-cases: how identifiers and postcodes are compared. */
    static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
