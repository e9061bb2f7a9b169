package org.familygateway.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, for one record, against the in-memory index: identifiers first, then scores. Stores
 * nothing; {@link PersonIndex} stores what it decides.
 */
final class Matcher {

    /** How many candidates a review item lists at most. */
    static final int MOST_REVIEW_CANDIDATES = 5;

    private final CandidateIndex index;
    private final PairScorer scorer;
    private final MatchSettings settings;

    Matcher(CandidateIndex index, MatchSettings settings) {
        this.index = index;
        this.scorer = new PairScorer(new NameComparison(Nicknames.english()), new ResidenceComparison(index));
        this.settings = settings;
    }

    Decision decide(Profile record) {
        Set<IndexedPerson> holders = index.holdersOf(record.identifiers());
        if (!holders.isEmpty()) {
            return byIdentifier(record, holders);
        }
        List<Decision.Candidate> scored = new ArrayList<>();
        Neighbourhood neighbourhood = new Neighbourhood(record, index);
        for (IndexedPerson candidate : index.candidates(record)) {
            Score score = scorer.score(record, neighbourhood, candidate, settings.newPersonBelow());
            if (score.limit() != Score.Limit.NEVER && score.weight() >= settings.newPersonBelow()) {
                scored.add(new Decision.Candidate(candidate, score));
            }
        }
        if (scored.isEmpty()) {
            return Decision.newPerson();
        }
        scored.sort(Comparator.comparingDouble((Decision.Candidate c) -> c.score().weight()).reversed());
        Decision.Candidate best = scored.get(0);
        boolean clear = scored.size() == 1 || scored.get(1).score().weight() < settings.linkAbove();
        if (best.score().weight() >= settings.linkAbove() && best.score().limit() == Score.Limit.NONE && clear) {
            return Decision.linkedByScore(best.person(), best.score());
        }
        return Decision.review(scored.subList(0, Math.min(MOST_REVIEW_CANDIDATES, scored.size())));
    }

    /**
     * One holder: linked, unless another identifier of theirs conflicts or they are already another
     * member of the same declared household (then review). Several holders: the identifiers point
     * at different people, which only a person can sort out.
     */
    private Decision byIdentifier(Profile record, Set<IndexedPerson> holders) {
        if (holders.size() == 1) {
            IndexedPerson holder = holders.iterator().next();
            Score check = scorer.score(record, new Neighbourhood(record, index), holder, Double.NEGATIVE_INFINITY);
            if (check.limit() != Score.Limit.NEVER || check.reason().startsWith("same birth date")) {
                String shared = record.identifiers().stream().filter(holder::holds).map(Identifier::label)
                        .collect(Collectors.joining(", "));
                return Decision.linkedByIdentifier(holder, shared);
            }
            return Decision.review(List.of(new Decision.Candidate(holder,
                    new Score(0, List.of(), Score.Limit.REVIEW_ONLY, "shares an identifier but " + check.reason()))));
        }
        List<Decision.Candidate> candidates = new ArrayList<>();
        for (IndexedPerson holder : holders) {
            candidates.add(new Decision.Candidate(holder,
                    new Score(0, List.of(), Score.Limit.REVIEW_ONLY, "identifiers point at " + holders.size() + " different people")));
        }
        return Decision.review(candidates.subList(0, Math.min(MOST_REVIEW_CANDIDATES, candidates.size())));
    }
}
