package org.familygateway.matching;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.familygateway.model.Pseudonyms;
import org.familygateway.model.Transactions;

/**
 * The review list: pairs the matcher was not sure of, for a person to confirm (the record's person
 * and the candidate are one: their records are brought together) or reject (they stay apart); and
 * unlinking, which takes a wrongly linked record out to a person of its own. Nothing is merged
 * without a decision here, and every decision is recorded, append-only, with who made it, why, and
 * the pseudonymous id of the person it concerns.
 */
public final class ReviewList {

    /** Told about each decision, so that an in-memory index follows it. */
    interface Follower {
        void merged(long fromPersonId, long intoPersonId);

        void unlinked(long fromPersonId, long recordId, long toPersonId, AgencyRecord record);
    }

    /** An uncertain pair: a record (held meanwhile as person {@code recordPersonId}) and a candidate. */
    public record Item(long id, long recordId, long recordPersonId, long candidatePersonId, double score, String evidence,
            String status, Instant createdAt) {
    }

    /** A decision as recorded. */
    public record Decided(long id, String decision, long recordId, long personId, long resultPersonId, String subjectId) {
    }

    /** A decision as the log shows it: also when, by whom and why. */
    public record Logged(Decided decision, Instant decidedAt, String decidedBy, String reason) {
    }

    private static final Follower NOBODY = new Follower() {
        @Override
        public void merged(long fromPersonId, long intoPersonId) {
        }

        @Override
        public void unlinked(long fromPersonId, long recordId, long toPersonId, AgencyRecord record) {
        }
    };

    private final DataSource dataSource;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Follower follower;

    ReviewList(DataSource dataSource, Pseudonyms pseudonyms, Clock clock, Follower follower) {
        this.dataSource = dataSource;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.follower = follower;
    }

    /** The review list on its own, for a command line or console that does not match records. */
    public static ReviewList open(DataSource dataSource, Pseudonyms pseudonyms, Clock clock) {
        return new ReviewList(dataSource, pseudonyms, clock, NOBODY);
    }

    /** Open items, oldest first. */
    public List<Item> openItems(int limit) {
        return ReviewTables.items(dataSource, "where i.status = 'OPEN' order by i.id fetch first " + Math.max(1, limit) + " rows only");
    }

    /** The latest decisions, newest first. */
    public List<Logged> latestDecisions(int limit) {
        return ReviewTables.decisions(dataSource, Math.max(1, limit));
    }

    public Item item(long id) {
        List<Item> items = ReviewTables.items(dataSource, "where i.id = " + id);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no review item " + id);
        }
        return items.get(0);
    }

    /** What a reviewer needs to decide: the record, and every record the candidate is known by. */
    public record Comparison(AgencyRecord record, List<AgencyRecord> candidateRecords) {
    }

    public Comparison compare(long itemId) {
        Item item = item(itemId);
        try (Connection connection = dataSource.getConnection()) {
            long candidate = ReviewTables.livePerson(connection, item.candidatePersonId());
            List<AgencyRecord> known = ReviewTables.recordsOf(connection, candidate).stream().map(RecordTable.Stored::record).toList();
            return new Comparison(RecordTable.byId(connection, item.recordId()).record(), known);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read review item " + itemId, e);
        }
    }

    /** The record's person and the candidate are the same: all the former's records join the latter. */
    public Decided confirm(long itemId, String reviewer, String reason) {
        return decide(itemId, "CONFIRM", reviewer, reason);
    }

    /** They are different people: the item is closed and nothing moves. */
    public Decided reject(long itemId, String reviewer, String reason) {
        return decide(itemId, "REJECT", reviewer, reason);
    }

    /** Takes a record out of the person it is linked to, into a new person of its own. */
    public Decided unlink(long recordId, String reviewer, String reason) {
        return inTransaction((connection, afterCommit) -> {
            RecordTable.Stored stored = RecordTable.byId(connection, recordId);
            long from = stored.personId();
            List<RecordTable.Stored> records = ReviewTables.recordsOf(connection, from);
            if (records.size() < 2) {
                throw new IllegalArgumentException("record " + recordId + " is its person's only record: there is nothing to unlink it from");
            }
            Instant now = clock.instant();
            long to = LinkTables.newPerson(connection, new IdBlocks(IdBlocks.PEOPLE), now);
            relink(connection, stored, to, "UNLINKED", "unlinked by " + reviewer, null, now);
            recomputeHouseholds(connection, from);
            recomputeHouseholds(connection, to);
            Decided decided = ReviewTables.recordDecision(connection, pseudonyms, now, "UNLINK", null, recordId, from, to, reviewer, reason);
            afterCommit.add(() -> follower.unlinked(from, recordId, to, stored.record()));
            return decided;
        });
    }

    private Decided decide(long itemId, String decision, String reviewer, String reason) {
        return inTransaction((connection, afterCommit) -> {
            Item item = ReviewTables.openItem(connection, itemId);
            Instant now = clock.instant();
            long held = RecordTable.byId(connection, item.recordId()).personId();
            long candidate = ReviewTables.livePerson(connection, item.candidatePersonId());
            if (decision.equals("REJECT")) {
                ReviewTables.setStatus(connection, itemId, "REJECTED");
                return ReviewTables.recordDecision(connection, pseudonyms, now, decision, itemId, item.recordId(), candidate, held,
                        reviewer, reason);
            }
            if (held != candidate) {
                for (RecordTable.Stored stored : ReviewTables.recordsOf(connection, held)) {
                    relink(connection, stored, candidate, "CONFIRMED", "review item " + itemId + " confirmed by " + reviewer,
                            item.score(), now);
                }
                LinkTables.markMerged(connection, held, candidate);
                recomputeHouseholds(connection, held);
                recomputeHouseholds(connection, candidate);
            }
            ReviewTables.setStatus(connection, itemId, "CONFIRMED");
            ReviewTables.closeOthers(connection, item.recordId(), itemId);
            Decided decided = ReviewTables.recordDecision(connection, pseudonyms, now, decision, itemId, item.recordId(), held,
                    candidate, reviewer, reason);
            if (held != candidate) {
                afterCommit.add(() -> follower.merged(held, candidate));
            }
            return decided;
        });
    }

    private static void relink(Connection connection, RecordTable.Stored stored, long personId, String method, String evidence,
            Double score, Instant now) throws SQLException {
        LinkTables.endLink(connection, stored.id(), now);
        RecordTable.moveToPerson(connection, stored.id(), personId);
        LinkTables.link(connection, stored.id(), personId, method, score, evidence, now);
    }

    private void recomputeHouseholds(Connection connection, long personId) throws SQLException {
        List<Profile> profiles = new ArrayList<>();
        for (RecordTable.Stored stored : ReviewTables.recordsOf(connection, personId)) {
            profiles.add(Profile.of(stored.record()).stored(stored.id(), new Interner()));
        }
        IndexWrites.updateHouseholds(connection, new HouseholdTable(clock), personId, profiles);
    }

    private interface Work<T> {
        T run(Connection connection, List<Runnable> afterCommit) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            List<Runnable> afterCommit = new ArrayList<>();
            T result = Transactions.inTransaction(connection, c -> work.run(c, afterCommit));
            afterCommit.forEach(Runnable::run);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the review decision", e);
        }
    }
}
