package org.familygateway.matching;

/** The four things that can happen to a record. */
public enum MatchOutcome {
    /** Linked to a person holding the same strong identifier. */
    LINKED_BY_IDENTIFIER,
    /** Linked to a person whose score was above the upper threshold, with no rule against it. */
    LINKED_BY_SCORE,
    /** No one scored above the lower threshold: the record is a new person. */
    NEW_PERSON,
    /** Held as a new person, with the uncertain candidates on the review list for a person to decide. */
    REVIEW
}
