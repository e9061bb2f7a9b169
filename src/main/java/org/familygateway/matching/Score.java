package org.familygateway.matching;

import java.util.List;

/**
 * How well a record matches a candidate: the summed weight in bits, the evidence behind it, and a
 * limit a rule put on what may be done with it, with the rule's reason.
 */
record Score(double weight, List<Evidence> evidence, Limit limit, String reason) {

    /** What a rule allows, whatever the weight. */
    enum Limit {
        /** The weight decides: link, review or new person. */
        NONE,
        /** At most the review list: never linked automatically. */
        REVIEW_ONLY,
        /** Never the same person: the candidate is dropped. */
        NEVER
    }

    static Score never(String reason) {
        return new Score(Double.NEGATIVE_INFINITY, List.of(), Limit.NEVER, reason);
    }

    Score limitedTo(Limit newLimit, String why) {
        return newLimit.ordinal() > limit.ordinal() ? new Score(weight, evidence, newLimit, why) : this;
    }

    /** The evidence as text for people and for the database, e.g. "FORENAME_SAME +5.4, ... = 43.2". */
    String explanation() {
        StringBuilder text = new StringBuilder();
        for (Evidence e : evidence) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(e).append(' ').append(e.weight() >= 0 ? "+" : "").append(oneDecimal(e.weight()));
        }
        if (!Double.isInfinite(weight)) {
            text.append(" = ").append(oneDecimal(weight));
        }
        return reason == null ? text.toString() : text.append("; ").append(reason).toString();
    }

    private static String oneDecimal(double value) {
        return Double.toString(Math.round(value * 10) / 10.0);
    }
}
