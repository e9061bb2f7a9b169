package org.familygateway.matching;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a record says a person lives, in forms that can be compared: the UPRN when the agency gave
 * one, and a normalised first line plus postcode ("12 Example Rd." in "nr1 2ab" is
 * "12 example road|NR12AB"). Two records name the same premises when either form agrees, because
 * some agencies hold UPRNs and others do not.
 */
record Premises(String uprnKey, String addressKey, String postcode, String firstLine) {

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
        String uprnKey = uprn == null || uprn.isBlank() ? null : "U" + withoutLeadingZeros(uprn.strip());
        String addressKey = first.isEmpty() || code.isEmpty() ? null : "A" + first + "|" + code;
        return new Premises(uprnKey, addressKey, code, first);
    }

    /** Postcode without spaces, upper case: "nr1 2ab" is "NR12AB". */
    static String postcode(String postcode) {
        return postcode == null ? "" : NameForms.compact(postcode);
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
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

    /** Whether both first lines start with the same house number or name (and have one). */
    boolean sameNumber(Premises other) {
        int end = firstLine.indexOf(' ');
        int length = end < 0 ? firstLine.length() : end;
        return length > 0 && other.firstLine.regionMatches(0, firstLine, 0, length)
                && (other.firstLine.length() == length || other.firstLine.charAt(length) == ' ');
    }


    private static String line(String raw) {
        String ascii = raw.chars().allMatch(c -> c < 128) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String lower = ascii.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean wordChar = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = lower.substring(start, i);
                out.append(out.length() > 0 ? " " : "").append(ABBREVIATIONS.getOrDefault(word, word));
                start = -1;
            }
        }
        return out.toString();
    }
}
