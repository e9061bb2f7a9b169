package org.familygateway.matching;

/**
 * The two thresholds on the match weight (in bits, log2 of the likelihood ratio): a candidate scoring
 * at or above {@code linkAbove} is linked automatically, one scoring below {@code newPersonBelow}
 * is ignored (the record becomes a new person), and one in between goes to the review list.
 * {@code docs/matching.md} explains the defaults.
 */
public record MatchSettings(double linkAbove, double newPersonBelow) {

    public static final MatchSettings DEFAULTS = new MatchSettings(30.0, 18.0);

    public MatchSettings {
        if (Double.isNaN(linkAbove) || Double.isNaN(newPersonBelow) || newPersonBelow > linkAbove) {
            throw new IllegalArgumentException("matching thresholds: newPersonBelow (" + newPersonBelow
                    + ") must not exceed linkAbove (" + linkAbove + ")");
        }
    }
}
