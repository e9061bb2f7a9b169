package org.familygateway.matching;

/**
 * The Fellegi-Sunter model: for each field, the levels at which two records can agree, each with its
 * m-probability (how often records of the same person show this level) and u-probability (how often
 * records of two different people do). A level's weight is log2(m/u) bits; a pair's score is the sum
 * of its fields' weights. Fields are taken as independent given match status; postcode and address
 * are one field (residence) because they are not. {@code docs/matching.md} says how the numbers were
 * chosen.
 */
enum Evidence {
    FORENAME_SAME(Field.FORENAME, 0.87, 0.02),
    FORENAME_NICKNAME(Field.FORENAME, 0.04, 0.003),
    FORENAME_IS_MIDDLE_NAME(Field.FORENAME, 0.01, 0.001),
    FORENAME_SIMILAR(Field.FORENAME, 0.05, 0.01),
    FORENAME_INITIAL(Field.FORENAME, 0.01, 0.004),
    FORENAME_DIFFERENT(Field.FORENAME, 0.02, 0.962),

    SURNAME_SAME(Field.SURNAME, 0.86, 0.006),
    SURNAME_SHARES_A_PART(Field.SURNAME, 0.04, 0.0005),
    SURNAME_SIMILAR(Field.SURNAME, 0.06, 0.004),
    SURNAME_DIFFERENT(Field.SURNAME, 0.04, 0.9895),

    /** Forename and surname swapped: replaces both name fields. */
    NAMES_TRANSPOSED(Field.NAMES, 0.01, 0.00001),

    BIRTH_DATE_SAME(Field.BIRTH_DATE, 0.95, 0.00004),
    BIRTH_DAY_AND_MONTH_SWAPPED(Field.BIRTH_DATE, 0.015, 0.00004),
    BIRTH_DATE_ONE_DIGIT_OFF(Field.BIRTH_DATE, 0.03, 0.002),
    BIRTH_DATE_DIFFERENT(Field.BIRTH_DATE, 0.005, 0.99792),

    GENDER_SAME(Field.GENDER, 0.98, 0.5),
    GENDER_DIFFERENT(Field.GENDER, 0.02, 0.5),

    SAME_PREMISES(Field.RESIDENCE, 0.70, 0.00002),
    /** Someone who shared a household with the candidate has lived at the record's address. */
    HOUSEHOLD_TIE(Field.RESIDENCE, 0.08, 0.00001),
    SAME_POSTCODE(Field.RESIDENCE, 0.03, 0.0002),
    SAME_POSTCODE_SECTOR(Field.RESIDENCE, 0.07, 0.005),
    SAME_POSTCODE_DISTRICT(Field.RESIDENCE, 0.05, 0.03),
    DIFFERENT_AREA(Field.RESIDENCE, 0.07, 0.96477);

    enum Field { FORENAME, SURNAME, NAMES, BIRTH_DATE, GENDER, RESIDENCE }

    private final Field field;
    private final double m;
    private final double u;
    private final double weight;

    Evidence(Field field, double m, double u) {
        this.field = field;
        this.m = m;
        this.u = u;
        this.weight = Math.log(m / u) / Math.log(2);
    }

    Field field() {
        return field;
    }

    double m() {
        return m;
    }

    double u() {
        return u;
    }

    /** log2(m/u): positive when the level is evidence for the same person, negative against. */
    double weight() {
        return weight;
    }
}
