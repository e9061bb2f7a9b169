package org.familygateway.validation;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The published rules for the identifiers agencies send, beyond their shape: check characters and
 * the values never issued. Each method answers for a value that already has the schema's shape.
 */
public final class IdentifierRules {

    /** DfE's check-letter table for UPNs: the alphabet without I, O and S. */
    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    /** HMRC never issues these NI number prefixes. */
    private static final Set<String> UNISSUED_NI_PREFIXES = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");
    /** Royal Mail postcode formats: outward A9, A99, AA9, AA99, A9A, AA9A; inward 9AA (no C, I, K, M, O, V). */
    private static final Pattern POSTCODE = Pattern.compile(
            "([A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
                    + " [0-9][ABD-HJLNP-UW-Z]{2}|GIR 0AA");

    private IdentifierRules() {
    }

    /**
     * A Unique Pupil Number's first character is a check letter over the other twelve, weighted 2 to
     * 13, modulo 23; a temporary UPN's last character is a letter, valued by its place in the table.
     */
    public static boolean upnCheckLetterMatches(String upn) {
        if (upn.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            char c = upn.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : UPN_LETTERS.indexOf(c);
            if (value < 0) {
                return false;
            }
            sum += value * (i + 1);
        }
        return upn.charAt(0) == UPN_LETTERS.charAt(sum % 23);
    }

    /** NHS numbers: modulus 11 over the first nine digits, weighted 10 down to 2; 10 is never a valid check digit. */
    public static boolean nhsNumberCheckDigitMatches(String nhsNumber) {
        if (!nhsNumber.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nhsNumber.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == nhsNumber.charAt(9) - '0';
    }

    public static boolean niNumberIsIssuable(String niNumber) {
        return niNumber.length() == 9 && !UNISSUED_NI_PREFIXES.contains(niNumber.substring(0, 2));
    }

    public static boolean postcodeIsValid(String postcode) {
        return POSTCODE.matcher(postcode).matches();
    }

    /** "2025/26": the second year follows the first. */
    public static boolean academicYearFollowsOn(String academicYear) {
        int first = Integer.parseInt(academicYear.substring(2, 4));
        int second = Integer.parseInt(academicYear.substring(5, 7));
        return second == (first + 1) % 100;
    }
}
