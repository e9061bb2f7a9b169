package org.familygateway.matching;

import java.util.List;

/**
 * What the matcher decided for one record, before anything is stored: link it to a person (by an
 * identifier or by score), make a new person, or make a new person and put the uncertain candidates
 * on the review list.
 */
record Decision(MatchOutcome outcome, IndexedPerson person, Score score, List<Candidate> review) {

    /** A candidate for the review list, with how well the record matched them. */
    record Candidate(IndexedPerson person, Score score) {
    }

    static Decision linkedByIdentifier(IndexedPerson person, String identifiers) {
        return new Decision(MatchOutcome.LINKED_BY_IDENTIFIER, person,
                new Score(Double.POSITIVE_INFINITY, List.of(), Score.Limit.NONE, "same " + identifiers), List.of());
    }

    static Decision linkedByScore(IndexedPerson person, Score score) {
        return new Decision(MatchOutcome.LINKED_BY_SCORE, person, score, List.of());
    }

    static Decision newPerson() {
        return new Decision(MatchOutcome.NEW_PERSON, null, null, List.of());
    }

    static Decision review(List<Candidate> candidates) {
        return new Decision(MatchOutcome.REVIEW, null, null, List.copyOf(candidates));
    }
}
