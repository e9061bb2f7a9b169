package org.familygateway.matching;

import java.util.List;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares the names of two records: forename (same, nickname, middle name used as forename,
 * similar spelling, initial only, different), surname (same, sharing a part of a double-barrelled
 * name, similar, different), and forename and surname transposed. Similar means one slip apart, or,
 * with the same first letter, the same Double Metaphone code or a Jaro-Winkler similarity of at
 * least 0.88.
 */
final class NameComparison {

    /** Jaro-Winkler similarity from which two spellings count as typing variants of each other. */
    static final double SIMILAR = 0.88;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** At most one letter changed, added, dropped, or two neighbours swapped: one slip of the keyboard. */
    private static final DamerauLevenshteinDistance ONE_SLIP = new DamerauLevenshteinDistance(1);

    private final Nicknames nicknames;

    NameComparison(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    /** The evidence of the name fields: one forename and one surname level, or NAMES_TRANSPOSED. */
    List<Evidence> compare(Profile one, Profile other) {
        return compare(one, other, Double.NEGATIVE_INFINITY);
    }

    /**
     * The same, or null when the names cannot add {@code atLeast} bits: the surname is compared
     * first, and the forename only if it could still make up the difference.
     */
    List<Evidence> compare(Profile one, Profile other, double atLeast) {
        Evidence surname = surname(one, other);
        boolean maybeTransposed = initialsCrossed(one, other);
        double best = Math.max(surname.weight() + Evidence.FORENAME_SAME.weight(),
                maybeTransposed ? Evidence.NAMES_TRANSPOSED.weight() : Double.NEGATIVE_INFINITY);
        if (best < atLeast) {
            return null;
        }
        Evidence forename = forename(one, other);
        if (forename.weight() + surname.weight() < Evidence.NAMES_TRANSPOSED.weight() && maybeTransposed && transposed(one, other)) {
            return List.of(Evidence.NAMES_TRANSPOSED);
        }
        return List.of(forename, surname);
    }

    Evidence forename(Profile one, Profile other) {
        String a = one.forename();
        String b = other.forename();
        if (a.equals(b)) {
            return Evidence.FORENAME_SAME;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0) ? Evidence.FORENAME_DIFFERENT : Evidence.FORENAME_INITIAL;
        }
        if (nicknames.variants(a, b)) {
            return Evidence.FORENAME_NICKNAME;
        }
        if (similar(a, b, one.forenameCode(), other.forenameCode())) {
            return Evidence.FORENAME_SIMILAR;
        }
        if (isMiddleName(a, other.middleNames()) || isMiddleName(b, one.middleNames())) {
            return Evidence.FORENAME_IS_MIDDLE_NAME;
        }
        return Evidence.FORENAME_DIFFERENT;
    }

    Evidence surname(Profile one, Profile other) {
        if (one.surname().equals(other.surname())) {
            return Evidence.SURNAME_SAME;
        }
        if (one.surnameParts().size() > 1 || other.surnameParts().size() > 1) {
            for (String part : one.surnameParts()) {
                if (part.length() > 1 && other.surnameParts().contains(part)) {
                    return Evidence.SURNAME_SHARES_A_PART;
                }
            }
        }
        if (similar(one.surname(), other.surname(), one.surnameCode(), other.surnameCode())) {
            return Evidence.SURNAME_SIMILAR;
        }
        return Evidence.SURNAME_DIFFERENT;
    }

    /** Forename and surname swapped, each still allowed a nickname or a slip (the initials must agree crosswise). */
    private boolean transposed(Profile one, Profile other) {
        return alike(one.forename(), other.surname()) && alike(one.surname(), other.forename());
    }

    private static boolean initialsCrossed(Profile one, Profile other) {
        return !one.forename().isEmpty() && !one.surname().isEmpty() && !other.forename().isEmpty() && !other.surname().isEmpty()
                && one.forename().charAt(0) == other.surname().charAt(0) && one.surname().charAt(0) == other.forename().charAt(0);
    }

    private boolean alike(String a, String b) {
        return a.equals(b) || nicknames.variants(a, b) || similar(a, b, NameForms.phonetic(a), NameForms.phonetic(b));
    }

    /** Whether two names differ by one keyboard slip at most. */
    static boolean oneSlipApart(String a, String b) {
        return ONE_SLIP.apply(a, b) >= 0;
    }

    private static boolean similar(String a, String b, String codeA, String codeB) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (Math.abs(a.length() - b.length()) <= 1 && Math.min(a.length(), b.length()) >= 3 && oneSlipApart(a, b)) {
            return true;
        }
        // sounding alike and Jaro-Winkler both need the same first letter: most pairs of names stop here
        if (a.charAt(0) != b.charAt(0)) {
            return false;
        }
        return !codeA.isEmpty() && codeA.equals(codeB) || JARO_WINKLER.apply(a, b) >= SIMILAR;
    }

    private static boolean isMiddleName(String forename, String middleNames) {
        if (middleNames == null || middleNames.isEmpty()) {
            return false;
        }
        for (String middle : middleNames.split(" ")) {
            if (middle.equals(forename)) {
                return true;
            }
        }
        return false;
    }
}
