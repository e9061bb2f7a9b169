package org.familygateway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.familygateway.app.Database;
import org.familygateway.matching.AgencyRecord.Gender;
import org.familygateway.model.Pseudonyms;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.familygateway.testing.TestDatabases.Target;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The persistent index on the embedded database and on PostgreSQL: the same behaviour on both. */
class PersonIndexTest {

    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(new byte[32]);
    private static final Someone MOTHER = Someone.named("Sarah", "Walker").born("1985-02-11").ni("AB123456C")
            .at("3 Old Road", "NR2 1AA", "200000000003").since("2020-09-01").from("example-jobcentre");
    private static final Someone SON = Someone.named("Leo", "Walker").born("2012-08-30").gender(Gender.MALE).upn("A12345678901B")
            .at("3 Old Road", "NR2 1AA", "200000000003").since("2020-09-01");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void what_is_matched_is_stored_and_found_again_after_reopening(Kind kind) {
        Target target = TestDatabases.fresh(kind, folder);
        long mother;
        long son;
        try (Database database = open(target)) {
            PersonIndex index = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, PSEUDONYMS, Clock.systemUTC());
            List<MatchResult> first = index.matchAll(List.of(MOTHER.record(), SON.record()));
            assertThat(first).extracting(MatchResult::outcome).containsExactly(MatchOutcome.NEW_PERSON, MatchOutcome.NEW_PERSON);
            mother = first.get(0).personId();
            son = first.get(1).personId();
            assertThat(first.get(0).subjectId()).startsWith("ps_").isEqualTo(PSEUDONYMS.of(Pseudonyms.Kind.PERSON, String.valueOf(mother)));
        }
        try (Database database = open(target)) {
            PersonIndex reopened = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, PSEUDONYMS, Clock.systemUTC());
            assertThat(reopened.people()).isEqualTo(2);
            MatchResult byNi = reopened.match(MOTHER.called("Sara", "Walker").from("example-police").ni("AB123456C").record());
            assertThat(byNi.outcome()).isEqualTo(MatchOutcome.LINKED_BY_IDENTIFIER);
            assertThat(byNi.personId()).isEqualTo(mother);
            MatchResult byScore = reopened.match(SON.upn(null).from("example-housing").localId("housing", "T-9").record());
            assertThat(byScore.outcome()).isEqualTo(MatchOutcome.LINKED_BY_SCORE);
            assertThat(byScore.personId()).isEqualTo(son);
            assertThat(byScore.evidence()).contains("SAME_PREMISES").doesNotContain("Leo", "Walker");
            assertThat(count(database, "select count(*) from record_link where ended_at is null")).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_household_is_the_people_at_one_address_and_a_move_changes_it_from_that_date(Kind kind) {
        Target target = TestDatabases.fresh(kind, folder);
        try (Database database = open(target)) {
            PersonIndex index = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, PSEUDONYMS, Clock.systemUTC());
            long mother = index.match(MOTHER.record()).personId();
            long son = index.match(SON.livingAt("3 Old Rd", "NR2 1AA").record()).personId();
            long neighbour = index.match(Someone.named("Ann", "Lee").born("1950-01-01").livingAt("5 Old Road", "NR2 1AA").since("2019-01-01").record())
                    .personId();
            Households households = new Households(database.dataSource());
            long oldHome = households.on(son, LocalDate.of(2021, 1, 1)).orElseThrow();
            assertThat(households.members(oldHome, LocalDate.of(2021, 1, 1))).containsExactlyInAnyOrder(mother, son);
            assertThat(households.on(neighbour, LocalDate.of(2021, 1, 1))).get().isNotEqualTo(oldHome);

            index.match(MOTHER.at("77 New Close", "NR5 9ZZ", null).since("2025-03-01").record());
            long newHome = households.on(mother, LocalDate.of(2025, 3, 1)).orElseThrow();
            assertThat(newHome).isNotEqualTo(oldHome);
            assertThat(households.on(mother, LocalDate.of(2025, 2, 28))).contains(oldHome);
            assertThat(households.members(oldHome, LocalDate.of(2025, 3, 1))).containsExactly(son);

            MatchResult sonMoved = index.match(SON.upn(null).from("example-police").livingAt("77 New Close", "NR5 9ZZ").since("2025-04-01").record());
            assertThat(sonMoved.personId()).isEqualTo(son);
            assertThat(households.members(newHome, LocalDate.of(2025, 4, 1))).containsExactlyInAnyOrder(mother, son);
            assertThat(households.of(son)).extracting(Households.Membership::to).containsExactly(LocalDate.of(2025, 4, 1), null);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void members_a_referral_declares_form_a_household_with_a_declared_basis(Kind kind) {
        Target target = TestDatabases.fresh(kind, folder);
        try (Database database = open(target)) {
            PersonIndex index = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, PSEUDONYMS, Clock.systemUTC());
            List<MatchResult> results = index.matchAll(ReferralRecords.of(org.familygateway.testing.Examples.referral()));
            assertThat(results).hasSize(2);
            Households households = new Households(database.dataSource());
            List<Households.Membership> mother = households.of(results.get(0).personId());
            assertThat(mother).singleElement().extracting(Households.Membership::basis).isEqualTo("DECLARED");
            assertThat(households.members(mother.get(0).householdId(), LocalDate.now())).containsExactlyInAnyOrder(
                    results.get(0).personId(), results.get(1).personId());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void an_uncertain_pair_waits_for_a_person_who_confirms_rejects_or_unlinks_and_each_decision_is_recorded(Kind kind) {
        Target target = TestDatabases.fresh(kind, folder);
        try (Database database = open(target)) {
            PersonIndex index = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, PSEUDONYMS, Clock.systemUTC());
            long son = index.match(SON.record()).personId();
            MatchResult elsewhere = index.match(SON.upn(null).from("example-police").livingAt("1 Far Lane", "LS2 9JT").since("2024-01-01").record());
            assertThat(elsewhere.outcome()).isEqualTo(MatchOutcome.REVIEW);
            assertThat(elsewhere.personId()).as("held apart, not merged").isNotEqualTo(son);
            assertThat(index.people()).isEqualTo(2);

            ReviewList review = index.reviewList();
            ReviewList.Item item = review.openItems(10).get(0);
            assertThat(item.candidatePersonId()).isEqualTo(son);
            assertThat(review.compare(item.id()).candidateRecords()).extracting(AgencyRecord::forename).containsExactly("Leo");
            ReviewList.Decided confirmed = review.confirm(item.id(), "ig.officer", "same pupil, moved");
            assertThat(confirmed.resultPersonId()).isEqualTo(son);
            assertThat(confirmed.subjectId()).isEqualTo(PSEUDONYMS.of(Pseudonyms.Kind.PERSON, String.valueOf(son)));
            assertThat(review.openItems(10)).isEmpty();
            assertThat(index.people()).isEqualTo(1);
            assertThatThrownBy(() -> review.reject(item.id(), "ig.officer", "changed my mind")).hasMessageContaining("already CONFIRMED");

            assertThatThrownBy(() -> review.unlink(index.match(Someone.named("Ann", "Lee").born("1950-01-01").record()).recordId(),
                    "ig.officer", "nothing to unlink from")).hasMessageContaining("only record");
            ReviewList.Decided unlinked = review.unlink(elsewhere.recordId(), "ig.officer", "a different boy after all");
            assertThat(unlinked.personId()).isEqualTo(son);
            assertThat(index.people()).isEqualTo(3);
            assertThat(count(database, "select count(*) from match_decision")).isEqualTo(2);
            assertThat(review.latestDecisions(10)).extracting(l -> l.decision().decision()).containsExactly("UNLINK", "CONFIRM");
            assertThat(count(database, "select count(*) from record_link where ended_at is not null")).isEqualTo(2);

            MatchResult again = index.match(SON.upn(null).from("example-health").livingAt("2 Far Lane", "LS2 9JT").since("2024-02-01").record());
            assertThat(again.outcome()).isEqualTo(MatchOutcome.REVIEW);
            assertThat(review.openItems(10)).extracting(ReviewList.Item::candidatePersonId)
                    .containsExactlyInAnyOrder(son, unlinked.resultPersonId());
            review.openItems(10).forEach(open -> review.reject(open.id(), "ig.officer", "not the same"));
            assertThat(review.openItems(10)).isEmpty();
            assertThat(count(database, "select count(*) from match_decision where decision = 'REJECT'")).isEqualTo(2);
        }
    }

    private static Database open(Target target) {
        return Database.open(target.url(), target.user(), target.password());
    }

    private static long count(Database database, String sql) {
        try (Connection connection = database.dataSource().getConnection(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
