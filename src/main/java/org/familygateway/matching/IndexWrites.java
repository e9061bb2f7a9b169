package org.familygateway.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a batch of decided records within the caller's transaction: new people, the records, their
 * links with score and evidence, review items, and the household membership of everyone whose
 * membership changed. Each record is filed in the in-memory index as it is decided (the next record
 * must see it); the rows are sent together by {@link #close}, in the order the foreign keys need.
 */
final class IndexWrites implements AutoCloseable {

    record Stored(long recordId, long personId) {
    }

    private final Connection connection;
    private final CandidateIndex index;
    private final HouseholdTable households;
    private final Instant now;
    private final IdBlocks personIds;
    private final IdBlocks recordIds;
    private final PreparedStatement people;
    private final PreparedStatement records;
    private final PreparedStatement links;
    private final PreparedStatement reviews;
    private final Map<Long, List<HouseholdHistory.Membership>> memberships = new LinkedHashMap<>();
    private final Set<Long> membershipsToReplace = new LinkedHashSet<>();

    IndexWrites(Connection connection, CandidateIndex index, HouseholdTable households, Instant now, IdBlocks personIds,
            IdBlocks recordIds) throws SQLException {
        this.connection = connection;
        this.index = index;
        this.households = households;
        this.now = now;
        this.personIds = personIds;
        this.recordIds = recordIds;
        this.people = LinkTables.personStatement(connection);
        this.records = RecordTable.insertStatement(connection);
        this.links = LinkTables.linkStatement(connection);
        this.reviews = LinkTables.reviewStatement(connection);
    }

    Stored store(AgencyRecord record, Profile profile, Decision decision) throws SQLException {
        boolean known = decision.person() != null;
        long personId = known ? decision.person().id() : LinkTables.addPerson(people, personIds.next(connection), now);
        long recordId = recordIds.next(connection);
        RecordTable.addInsert(records, recordId, personId, record, now);
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
        if (!known || !after.equals(before) || memberships.containsKey(personId)) {
            memberships.put(personId, after);
            if (known) {
                membershipsToReplace.add(personId);
            }
        }
        return new Stored(recordId, personId);
    }

    /** Sends the batch: people, records, links, review items, then household membership. */
    @Override
    public void close() throws SQLException {
        try (people; records; links; reviews;
             PreparedStatement deletions = HouseholdTable.deleteStatement(connection);
             PreparedStatement members = HouseholdTable.memberStatement(connection)) {
            people.executeBatch();
            records.executeBatch();
            links.executeBatch();
            reviews.executeBatch();
            for (long personId : membershipsToReplace) {
                deletions.setLong(1, personId);
                deletions.addBatch();
            }
            deletions.executeBatch();
            for (Map.Entry<Long, List<HouseholdHistory.Membership>> entry : memberships.entrySet()) {
                HouseholdTable.addMemberships(members, entry.getKey(), entry.getValue());
            }
            members.executeBatch();
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
