package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes decided records within the caller's transaction: the person (new for NEW_PERSON and
 * REVIEW), the record, its link with the score and evidence, the review items, and the person's
 * household membership when it changes; then files the record in the in-memory index. Links and
 * review items are sent in one batch by {@link #close}.
 */
final class IndexWrites implements AutoCloseable {

    record Stored(long recordId, long personId) {
    }

    private final Connection connection;
    private final CandidateIndex index;
    private final HouseholdTable households;
    private final Instant now;
    private final PreparedStatement links;
    private final PreparedStatement reviews;

    IndexWrites(Connection connection, CandidateIndex index, HouseholdTable households, Instant now) throws SQLException {
        this.connection = connection;
        this.index = index;
        this.households = households;
        this.now = now;
        this.links = LinkTables.linkStatement(connection);
        this.reviews = LinkTables.reviewStatement(connection);
    }

    Stored store(AgencyRecord record, Profile profile, Decision decision) throws SQLException {
        boolean known = decision.person() != null;
        long personId = known ? decision.person().id() : LinkTables.newPerson(connection, now);
        long recordId = RecordTable.insert(connection, personId, record, now);
        Score score = decision.score();
        LinkTables.addLink(links, recordId, personId, decision.outcome().name(), score == null ? null : score.weight(),
                evidence(decision), now);
        for (Decision.Candidate candidate : decision.review()) {
            LinkTables.addReviewItem(reviews, recordId, candidate.person().id(), candidate.score().weight(),
                    candidate.score().explanation(), now);
        }
        List<HouseholdHistory.Membership> before = known ? memberships(connection, households, decision.person().profiles()) : List.of();
        index.add(personId, recordId, profile);
        List<HouseholdHistory.Membership> after = memberships(connection, households, index.person(personId).profiles());
        if (!known) {
            households.addMemberships(connection, personId, after);
        } else if (!after.equals(before)) {
            households.replaceMemberships(connection, personId, after);
        }
        return new Stored(recordId, personId);
    }

    /** Sends the batched links and review items. */
    @Override
    public void close() throws SQLException {
        try (links; reviews) {
            links.executeBatch();
            reviews.executeBatch();
        }
    }

    /** Recomputes a person's household membership from all their records. */
    static void updateHouseholds(Connection connection, HouseholdTable households, long personId, List<Profile> records)
            throws SQLException {
        households.replaceMemberships(connection, personId, memberships(connection, households, records));
    }

    private static List<HouseholdHistory.Membership> memberships(Connection connection, HouseholdTable households,
            List<Profile> records) throws SQLException {
        Map<Premises, Long> ids = new HashMap<>();
        for (Profile profile : records) {
            if (profile.premises().known() && !ids.containsKey(profile.premises())) {
                ids.put(profile.premises(), households.householdOf(connection, profile.premises()));
            }
        }
        return HouseholdHistory.of(records, ids::get);
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
