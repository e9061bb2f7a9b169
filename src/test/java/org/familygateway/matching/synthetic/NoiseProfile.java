package org.familygateway.matching.synthetic;

/**
 * How untidy the agencies' extracts are: each rate is the chance that one record shows that slip.
 * {@link #DEFAULT} is the default noise profile the quality goals are stated for; it is meant to
 * be a little worse than clean administrative data, not a best case.
 *
 * @param forenameTypo a letter mistyped, dropped, doubled or two swapped in the forename
 * @param nickname a common short form instead of the formal forename (when it has one)
 * @param initialOnly only the forename's initial
 * @param middleNameAsForename known by their middle name (when they have one)
 * @param surnameTypo a slip in the surname
 * @param transposedNames forename and surname swapped
 * @param partialDoubleBarrel one part of a double-barrelled surname only
 * @param dayMonthSwapped the day and month of birth swapped (when the day is 12 or less)
 * @param birthDateDigit one digit of the birth date wrong
 * @param genderUnknown gender not recorded
 * @param addressVariant the address written another way (abbreviations, case, punctuation)
 * @param addressTypo a slip in the street name
 * @param staleAddress the agency still holds the address from before the last move
 * @param identifierMissing an identifier the agency would hold is missing from the record
 * @param familyMoves the chance that a family moves house in the period (twice, at a fifth of that)
 * @param twins the chance that a family has twins
 * @param namesakes the chance that a person has a namesake elsewhere: same name, birth date and gender
 */
public record NoiseProfile(
        double forenameTypo,
        double nickname,
        double initialOnly,
        double middleNameAsForename,
        double surnameTypo,
        double transposedNames,
        double partialDoubleBarrel,
        double dayMonthSwapped,
        double birthDateDigit,
        double genderUnknown,
        double addressVariant,
        double addressTypo,
        double staleAddress,
        double identifierMissing,
        double familyMoves,
        double twins,
        double namesakes) {

    public static final NoiseProfile DEFAULT = new NoiseProfile(
            0.03, 0.06, 0.01, 0.01,
            0.03, 0.01, 0.3,
            0.015, 0.02, 0.03,
            0.3, 0.02, 0.05,
            0.05,
            0.3, 0.03, 0.01);

    /** No slips at all (moves, twins and namesakes stay: they are facts, not noise). */
    public static final NoiseProfile CLEAN = new NoiseProfile(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.03, 0.01);
}
