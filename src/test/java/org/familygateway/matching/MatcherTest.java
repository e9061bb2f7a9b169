package org.familygateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.familygateway.matching.AgencyRecord.Gender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each linking rule, as a table of a person already known, a record arriving, and what happens. */
class MatcherTest {

    private static final Someone CHLOE = Someone.named("Chloe", "Smith").born("2010-05-17").gender(Gender.FEMALE)
            .at("12 Example Road", "NR1 2AB", "100090000001");

    private CandidateIndex index = new CandidateIndex();
    private long nextId = 1;

    static Stream<Arguments> rules() {
        return Stream.of(
                row("the same UPN links whatever else differs", CHLOE.upn("A12345678901B"),
                        Someone.named("Khloe", "Jones").born("2011-01-01").livingAt("1 Far Away", "M1 1AA").upn("A12345678901B"),
                        MatchOutcome.LINKED_BY_IDENTIFIER),
                row("the same NI number links", CHLOE.ni("AB123456C"), CHLOE.from("example-jobcentre").ni("AB123456C").livingAt("9 New Street", "NR3 1AA"),
                        MatchOutcome.LINKED_BY_IDENTIFIER),
                row("the same NHS number links", CHLOE.nhs("9434765919"), CHLOE.nhs("9434765919").called("Cloe", "Smyth"),
                        MatchOutcome.LINKED_BY_IDENTIFIER),
                row("the same local id in the same system links", CHLOE.localId("police-niche", "P-1"),
                        CHLOE.localId("police-niche", "P-1").since("2025-06-01"), MatchOutcome.LINKED_BY_IDENTIFIER),
                row("the same local id in another system is not an identifier match", CHLOE.localId("police-niche", "7"),
                        Someone.named("Ben", "Patel").born("1990-02-02").livingAt("3 Hill Rise", "LS1 4AB").localId("housing", "7"),
                        MatchOutcome.NEW_PERSON),
                row("the same UPRN, name and birth date link by score", CHLOE, CHLOE.from("example-housing"), MatchOutcome.LINKED_BY_SCORE),
                row("the same address without a UPRN links by score", CHLOE, CHLOE.livingAt("12 Example Rd", "NR1 2AB"),
                        MatchOutcome.LINKED_BY_SCORE),
                row("case and accents do not matter", CHLOE.called("Zoë", "Smith"), CHLOE.called("ZOE", "SMITH"), MatchOutcome.LINKED_BY_SCORE),
                row("a common nickname links", CHLOE.called("Elizabeth", "Smith"), CHLOE.called("Libby", "Smith"), MatchOutcome.LINKED_BY_SCORE),
                row("one part of a double-barrelled surname links", CHLOE.called("Chloe", "Smith-Jones"), CHLOE.called("Chloe", "Jones"),
                        MatchOutcome.LINKED_BY_SCORE),
                row("forename and surname transposed link", CHLOE.called("Amy", "Hussain"), CHLOE.called("Hussain", "Amy"),
                        MatchOutcome.LINKED_BY_SCORE),
                row("day and month swapped link", CHLOE.born("2010-05-07"), CHLOE.born("2010-07-05"), MatchOutcome.LINKED_BY_SCORE),
                row("a birth date one digit off links at the same address", CHLOE, CHLOE.born("2010-05-18"), MatchOutcome.LINKED_BY_SCORE),
                row("a typing slip in the surname links", CHLOE, CHLOE.called("Chloe", "Smiht"), MatchOutcome.LINKED_BY_SCORE),
                row("a conflicting UPN vetoes a link however alike", CHLOE.upn("A12345678901B"), CHLOE.upn("C98765432109D"),
                        MatchOutcome.NEW_PERSON),
                row("a conflicting local id in the same system vetoes a link", CHLOE.localId("school-mis", "1"),
                        CHLOE.localId("school-mis", "2"), MatchOutcome.NEW_PERSON),
                row("a twin is never linked to their sibling", CHLOE, CHLOE.called("Olivia", "Smith"), MatchOutcome.NEW_PERSON),
                row("a twin whose name sounds like their sibling's goes to review, never linked", CHLOE.called("Layla", "O'Neill"),
                        CHLOE.called("Lily", "O'Neill"), MatchOutcome.REVIEW),
                row("a one-slip forename at the same birth date and address links", CHLOE.called("Layla", "O'Neill"),
                        CHLOE.called("Lalya", "O'Neill"), MatchOutcome.LINKED_BY_SCORE),
                row("a namesake at another address goes to review, never linked", CHLOE, CHLOE.livingAt("4 Other Street", "LS2 9JT"),
                        MatchOutcome.REVIEW),
                row("the same name and birth date in the same postcode but another house goes to review", CHLOE,
                        CHLOE.livingAt("14 Example Road", "NR1 2AB"), MatchOutcome.REVIEW),
                row("a sibling born another year is a new person", CHLOE, CHLOE.called("Jack", "Smith").born("2013-09-01").gender(Gender.MALE),
                        MatchOutcome.NEW_PERSON),
                row("a stranger is a new person", CHLOE, Someone.named("Mohammed", "Khan").born("1979-12-03").livingAt("8 Mill Lane", "B1 1AA"),
                        MatchOutcome.NEW_PERSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(String rule, Someone known, Someone arriving, MatchOutcome expected) {
        IndexedPerson person = know(known);
        Decision decision = decide(arriving);
        assertThat(decision.outcome()).as(rule + ": " + decision).isEqualTo(expected);
        if (expected == MatchOutcome.LINKED_BY_IDENTIFIER || expected == MatchOutcome.LINKED_BY_SCORE) {
            assertThat(decision.person()).isSameAs(person);
        }
        if (expected == MatchOutcome.REVIEW) {
            assertThat(decision.review()).extracting(Decision.Candidate::person).containsExactly(person);
        }
    }

    @Test
    void a_family_that_moved_is_followed_through_a_member_already_linked_at_the_new_address() {
        Someone mother = Someone.named("Sarah", "Walker").born("1985-02-11").ni("AB123456C").livingAt("3 Old Road", "NR2 1AA");
        Someone son = Someone.named("Leo", "Walker").born("2012-08-30").gender(Gender.MALE).livingAt("3 Old Road", "NR2 1AA");
        IndexedPerson knownMother = know(mother);
        IndexedPerson knownSon = know(son);
        Someone movedMother = mother.from("example-jobcentre").livingAt("77 New Close", "NR5 9ZZ").since("2025-03-01");
        assertThat(decide(movedMother).person()).isSameAs(knownMother);
        index.add(knownMother.id(), 99, movedMother.profile());

        Decision sonAtTheNewAddress = decide(son.from("example-police").livingAt("77 New Close", "NR5 9ZZ"));
        assertThat(sonAtTheNewAddress.outcome()).isEqualTo(MatchOutcome.LINKED_BY_SCORE);
        assertThat(sonAtTheNewAddress.person()).isSameAs(knownSon);
        assertThat(sonAtTheNewAddress.score().evidence()).contains(Evidence.HOUSEHOLD_TIE);
    }

    @Test
    void twins_are_told_apart_and_each_record_finds_its_own_twin() {
        IndexedPerson chloe = know(CHLOE);
        IndexedPerson olivia = know(CHLOE.called("Olivia", "Smith"));
        assertThat(decide(CHLOE.from("example-police")).person()).isSameAs(chloe);
        assertThat(decide(CHLOE.called("Olivia", "Smith").from("example-police")).person()).isSameAs(olivia);
    }

    @Test
    void two_people_above_the_upper_threshold_go_to_review_rather_than_either_being_picked() {
        know(CHLOE.localId("school-mis", "1"));
        know(CHLOE.localId("school-mis", "2"));
        Decision decision = decide(CHLOE.from("example-housing"));
        assertThat(decision.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(decision.review()).hasSize(2);
    }

    @Test
    void identifiers_that_point_at_two_different_people_go_to_review() {
        know(CHLOE.ni("AB123456C"));
        know(Someone.named("Dan", "Brown").born("1970-01-01").nhs("9434765919"));
        Decision decision = decide(CHLOE.ni("AB123456C").nhs("9434765919"));
        assertThat(decision.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(decision.review()).hasSize(2);
    }

    @Test
    void a_person_is_not_linked_to_another_member_of_the_same_referral() {
        know(CHLOE.declaredIn("example-school/ref-1"));
        Decision decision = decide(CHLOE.called("Chloé", "Smith").declaredIn("example-school/ref-1"));
        assertThat(decision.outcome()).isEqualTo(MatchOutcome.NEW_PERSON);
    }

    private static Arguments row(String rule, Someone known, Someone arriving, MatchOutcome expected) {
        return Arguments.of(rule, known, arriving, expected);
    }

    private IndexedPerson know(Someone someone) {
        long id = nextId++;
        index.add(id, id * 100, someone.profile());
        return index.person(id);
    }

    private Decision decide(Someone someone) {
        return new Matcher(index, MatchSettings.DEFAULTS).decide(someone.profile());
    }
}
