package org.familygateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparisonTest {

    private final NameComparison names = new NameComparison(Nicknames.english());

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
            "Chloe,      chloe,      FORENAME_SAME",
            "Zoë,        Zoe,        FORENAME_SAME",
            "Mary Anne,  Mary,       FORENAME_SAME",
            "William,    Bill,       FORENAME_NICKNAME",
            "Peggy,      Margaret,   FORENAME_NICKNAME",
            "Alex,       Alexandra,  FORENAME_NICKNAME",
            "Jonathon,   Jonathan,   FORENAME_SIMILAR",
            "Katelyn,    Kaitlin,    FORENAME_SIMILAR",
            "J,          James,      FORENAME_INITIAL",
            "K,          James,      FORENAME_DIFFERENT",
            "Oliver,     Noah,       FORENAME_DIFFERENT",
    })
    void forenames_agree_at_these_levels(String one, String other, Evidence level) {
        assertThat(names.forename(Someone.named(one, "Smith").profile(), Someone.named(other, "Smith").profile())).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
            "Smith,        SMITH,       SURNAME_SAME",
            "O'Brien,      OBrien,      SURNAME_SAME",
            "Smith-Jones,  Smith Jones, SURNAME_SAME",
            "Smith-Jones,  Jones,       SURNAME_SHARES_A_PART",
            "Taylor,       Brown-Taylor, SURNAME_SHARES_A_PART",
            "Thomson,      Thompson,    SURNAME_SIMILAR",
            "Mcdonald,     Macdonald,   SURNAME_SIMILAR",
            "Smith,        Patel,       SURNAME_DIFFERENT",
    })
    void surnames_agree_at_these_levels(String one, String other, Evidence level) {
        assertThat(names.surname(Someone.named("Amy", one).profile(), Someone.named("Amy", other).profile())).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} {1} / {2} {3}")
    @CsvSource({"Amy, Hussain, Hussain, Amy", "Jordan, Lee, Lee, Jordan"})
    void forename_and_surname_swapped_are_recognised_as_transposed(String forename, String surname, String swappedForename,
            String swappedSurname) {
        assertThat(names.compare(Someone.named(forename, surname).profile(), Someone.named(swappedForename, swappedSurname).profile()))
                .containsExactly(Evidence.NAMES_TRANSPOSED);
    }

    @org.junit.jupiter.api.Test
    void a_middle_name_used_as_forename_is_recognised() {
        Profile known = Someone.named("James", "Reid").middle("Robert Ian").profile();
        assertThat(names.forename(Someone.named("Robert", "Reid").profile(), known)).isEqualTo(Evidence.FORENAME_IS_MIDDLE_NAME);
    }
}
