package org.familygateway.matching;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes one decided record within the caller's transaction: the person (new for NEW_PERSON and
 * REVIEW), the record, its link with the score and evidence, the review items, the person's
 * household membership; then files the record in the in-memory index.
 */
final class IndexWrites {

    record Stored(long recordId, long personId) {
    }

    private final Connection connection;
    private final CandidateIndex index;
    private final HouseholdTable households;
    private final Instant now;

    IndexWrites(Connection connection, CandidateIndex index, HouseholdTable households, Instant now) {
        this.connection = connection;
        this.index = index;
        this.households = households;
        this.now = now;
    }

    Stored store(AgencyRecord record, Profile profile, Decision decision) throws SQLException {
        long personId = decision.person() != null ? decision.person().id() : LinkTables.newPerson(connection, now);
        long recordId = RecordTable.insert(connection, personId, record, now);
        Score score = decision.score();
        LinkTables.link(connection, recordId, personId, decision.outcome().name(), score == null ? null : score.weight(),
                evidence(decision), now);
        for (Decision.Candidate candidate : decision.review()) {
            LinkTables.reviewItem(connection, recordId, candidate.person().id(), candidate.score().weight(),
                    candidate.score().explanation(), now);
        }
        index.add(personId, recordId, profile);
        updateHouseholds(connection, households, personId, index.person(personId).profiles());
        return new Stored(recordId, personId);
    }

    /** Recomputes a person's household membership from all their records. */
    static void updateHouseholds(Connection connection, HouseholdTable households, long personId, List<Profile> records)
            throws SQLException {
        Map<Premises, Long> ids = new HashMap<>();
        for (Profile profile : records) {
            if (profile.premises().known() && !ids.containsKey(profile.premises())) {
                ids.put(profile.premises(), households.householdOf(connection, profile.premises()));
            }
        }
        households.replaceMemberships(connection, personId, HouseholdHistory.of(records, ids::get));
    }

    /** The evidence of a decision as stored with its link: the score's explanation, or the review candidates. */
    static String evidence(Decision decision) {
        if (decision.outcome() == MatchOutcome.REVIEW) {
            return decision.review().stream().map(c -> "person " + c.person().id() + ": " + c.score().explanation())
                    .collect(Collectors.joining(" | "));
        }
        return decision.score() == null ? "no candidate above the lower threshold" : decision.score().explanation();
    }
}
