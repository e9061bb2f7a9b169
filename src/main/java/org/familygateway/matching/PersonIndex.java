package org.familygateway.matching;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import javax.sql.DataSource;

import org.familygateway.model.Pseudonyms;
import org.familygateway.model.Transactions;

/**
 * The persistent index of people and households, and the matcher in front of it. At start it loads
 * an in-memory blocking index from the database; each batch of records is then decided in memory
 * and written in one transaction (records, links with their evidence, review items, household
 * membership). If a write fails, the transaction rolls back and the memory is reloaded from the
 * database, so the two never disagree. One process matches at a time.
 */
public final class PersonIndex {

    private final DataSource dataSource;
    private final MatchSettings settings;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private CandidateIndex index;
    private HouseholdTable households;
    private Matcher matcher;
    private IdBlocks personIds;
    private IdBlocks recordIds;

    private PersonIndex(DataSource dataSource, MatchSettings settings, Pseudonyms pseudonyms, Clock clock) {
        this.dataSource = dataSource;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Opens the index in a migrated database, loading what it holds. */
    public static PersonIndex open(DataSource dataSource, MatchSettings settings, Pseudonyms pseudonyms, Clock clock) {
        PersonIndex personIndex = new PersonIndex(dataSource, settings, pseudonyms, clock);
        personIndex.reload();
        return personIndex;
    }

    /** How many people the index holds. */
    public synchronized int people() {
        return index.size();
    }

    public synchronized MatchResult match(AgencyRecord record) {
        return matchAll(List.of(record)).get(0);
    }

    /** Matches records in order (each sees the ones before it) and stores them in one transaction. */
    public synchronized List<MatchResult> matchAll(List<AgencyRecord> records) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return Transactions.inTransaction(connection, c -> matchAll(c, records));
            } catch (SQLException | RuntimeException e) {
                reload();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store matched records", e);
        }
    }

    /**
     * Matches records in order and writes them in the caller's transaction, so that what the caller
     * does with the results commits (or not) with them. The index in memory moves on at once: a
     * caller that rolls back must call {@link #reload()}.
     */
    public synchronized List<MatchResult> matchAll(Connection connection, List<AgencyRecord> records) throws SQLException {
        List<MatchResult> results = new ArrayList<>(records.size());
        try (IndexWrites writes = new IndexWrites(connection, index, households, clock.instant(), personIds, recordIds)) {
            for (AgencyRecord record : records) {
                results.add(store(writes, record));
            }
        }
        return results;
    }

    /**
     * The one person holding any of these identifiers (a local id is the record's), if exactly one
     * does: how a record that names its subject only by an identifier finds them.
     */
    public synchronized OptionalLong holderOf(AgencyRecord identifiersOnly) {
        Set<IndexedPerson> holders = index.holdersOf(Identifier.of(identifiersOnly));
        return holders.size() == 1 ? OptionalLong.of(holders.iterator().next().id()) : OptionalLong.empty();
    }

    /** The keys a record's identifiers are filed under, to find it again when its subject turns up. */
    public static List<String> identifierKeys(AgencyRecord record) {
        return Identifier.of(record).stream().map(Identifier::key).toList();
    }

    /**
     * What {@link #match} would decide for the record now, without storing anything: the outcome,
     * the person it would be linked to (0 for a new person), the score and evidence (no subject id).
     */
    public synchronized MatchResult preview(AgencyRecord record) {
        Decision decision = matcher.decide(Profile.of(record));
        long personId = decision.person() == null ? 0 : decision.person().id();
        Score score = decision.score();
        return new MatchResult(0, personId, null, decision.outcome(), score == null || Double.isInfinite(score.weight()) ? null : score.weight(),
                IndexWrites.evidence(decision), decision.review().stream().map(c -> c.person().id()).toList());
    }

    /** The review list, whose decisions this index follows at once. */
    public ReviewList reviewList() {
        return new ReviewList(dataSource, pseudonyms, clock, new ReviewList.Follower() {
            @Override
            public void merged(long fromPersonId, long intoPersonId) {
                synchronized (PersonIndex.this) {
                    index.merge(fromPersonId, intoPersonId);
                }
            }

            @Override
            public void unlinked(long fromPersonId, long recordId, long toPersonId, AgencyRecord record) {
                synchronized (PersonIndex.this) {
                    index.removeRecord(fromPersonId, recordId);
                    index.add(toPersonId, recordId, Profile.of(record));
                }
            }
        });
    }

    /** Reads the whole index again from the database (after a failure, or decisions made elsewhere). */
    public synchronized void reload() {
        CandidateIndex loaded = new CandidateIndex();
        HouseholdTable loadedHouseholds = new HouseholdTable(clock);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            loadedHouseholds.load(connection);
            try (Statement select = connection.createStatement()) {
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery("select " + RecordTable.COLUMNS + " from agency_record order by id")) {
                    while (rows.next()) {
                        RecordTable.Stored stored = RecordTable.read(rows);
                        loaded.add(stored.personId(), stored.id(), Profile.of(stored.record()));
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the person index", e);
        }
        this.index = loaded;
        this.households = loadedHouseholds;
        this.matcher = new Matcher(loaded, settings);
        this.personIds = new IdBlocks(IdBlocks.PEOPLE);
        this.recordIds = new IdBlocks(IdBlocks.RECORDS);
    }

    private MatchResult store(IndexWrites writes, AgencyRecord record) throws SQLException {
        Profile profile = Profile.of(record);
        Decision decision = matcher.decide(profile);
        IndexWrites.Stored stored = writes.store(record, profile, decision);
        Score score = decision.score();
        return new MatchResult(stored.recordId(), stored.personId(), pseudonyms.of(Pseudonyms.Kind.PERSON, String.valueOf(stored.personId())),
                decision.outcome(), score == null || Double.isInfinite(score.weight()) ? null : score.weight(),
                IndexWrites.evidence(decision), decision.review().stream().map(c -> c.person().id()).toList());
    }
}
