package org.familygateway.matching;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a record says a person lives, in forms that can be compared: the UPRN when the agency gave
 * one, and a normalised first line plus postcode ("12 Example Rd." in "nr1 2ab" is
 * "12 example road|NR12AB"). Two records name the same premises when either form agrees, because
 * some agencies hold UPRNs and others do not.
 */
record Premises(String uprnKey, String addressKey, String postcode, String firstLine) {

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("rd", "road"), Map.entry("st", "street"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"),
            Map.entry("ln", "lane"), Map.entry("dr", "drive"), Map.entry("cl", "close"), Map.entry("ct", "court"),
            Map.entry("cres", "crescent"), Map.entry("gdns", "gardens"), Map.entry("pl", "place"), Map.entry("sq", "square"),
            Map.entry("tce", "terrace"), Map.entry("terr", "terrace"), Map.entry("grn", "green"), Map.entry("pk", "park"),
            Map.entry("flt", "flat"));

    static final Premises UNKNOWN = new Premises(null, null, "", "");

    static Premises of(List<String> lines, String postcode, String uprn) {
        String code = postcode(postcode);
        String first = lines == null || lines.isEmpty() ? "" : line(lines.get(0));
        String uprnKey = uprn == null || uprn.isBlank() ? null : "U" + uprn.strip().replaceFirst("^0+(?=.)", "");
        String addressKey = first.isEmpty() || code.isEmpty() ? null : "A" + first + "|" + code;
        return new Premises(uprnKey, addressKey, code, first);
    }

    /** Postcode without spaces, upper case: "nr1 2ab" is "NR12AB". */
    static String postcode(String postcode) {
        return postcode == null ? "" : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The postcode sector: the outward code and the first digit of the inward code ("NR12"). */
    String sector() {
        return postcode.length() >= 5 ? postcode.substring(0, postcode.length() - 2) : postcode;
    }

    /** The postcode district: the outward code ("NR1"). */
    String district() {
        return postcode.length() >= 5 ? postcode.substring(0, postcode.length() - 3) : postcode;
    }

    /** The key households are found by: the UPRN when known, otherwise the normalised address. */
    String householdKey() {
        return uprnKey != null ? uprnKey : addressKey;
    }

    boolean known() {
        return householdKey() != null;
    }

    /** The house number or name the first line starts with ("12" of "12 example road"). */
    String number() {
        int space = firstLine.indexOf(' ');
        return space < 0 ? firstLine : firstLine.substring(0, space);
    }

    private static String line(String raw) {
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String word : NOT_WORD.split(lower)) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString();
    }
}
