package org.familygateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familygateway.agreement.Fixtures.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.StatutoryGatewayType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Which agreement covers a partner sharing a category, or the reason that names why none does. */
class AgreementsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 12, 31);

    static Stream<Arguments> decisions() {
        Map<String, List<SharingTerm>> school = Map.of("example-school",
                List.of(Fixtures.term(StatutoryGatewayType.CHILDREN_ACT_2004_S_10, DataCategoryType.ATTENDANCE)));
        return Stream.of(
                Arguments.of("covered", Fixtures.agreement("a", AgreementStatus.ACTIVE, FROM, TO, school),
                        "example-school", DataCategoryType.ATTENDANCE, null, null, "PUBLIC_TASK/CHILDREN_ACT_2004_S10"),
                Arguments.of("no agreement names the partner", Fixtures.agreement("a", AgreementStatus.ACTIVE, FROM, TO, school),
                        "example-police", DataCategoryType.OFFENCES, null, ReasonCodeType.AGREEMENT_MISSING, "no data-sharing agreement names"),
                Arguments.of("suspended", Fixtures.agreement("a", AgreementStatus.SUSPENDED, FROM, TO, school),
                        "example-school", DataCategoryType.ATTENDANCE, null, ReasonCodeType.AGREEMENT_SUSPENDED, "is suspended"),
                Arguments.of("ended by status", Fixtures.agreement("a", AgreementStatus.ENDED, FROM, TO, school),
                        "example-school", DataCategoryType.ATTENDANCE, null, ReasonCodeType.AGREEMENT_ENDED, "has ended"),
                Arguments.of("ended by date", Fixtures.agreement("a", AgreementStatus.ACTIVE, FROM, TODAY.minusDays(1), school),
                        "example-school", DataCategoryType.ATTENDANCE, null, ReasonCodeType.AGREEMENT_ENDED, "has ended (on 2026-11-22)"),
                Arguments.of("last day still in force", Fixtures.agreement("a", AgreementStatus.ACTIVE, FROM, TODAY, school),
                        "example-school", DataCategoryType.ATTENDANCE, null, null, "PUBLIC_TASK"),
                Arguments.of("not yet in force", Fixtures.agreement("a", AgreementStatus.ACTIVE, TODAY.plusDays(1), TO, school),
                        "example-school", DataCategoryType.ATTENDANCE, null, ReasonCodeType.AGREEMENT_NOT_IN_FORCE, "not in force until 2026-11-24"),
                Arguments.of("category not covered", Fixtures.agreement("a", AgreementStatus.ACTIVE, FROM, TO, school),
                        "example-school", DataCategoryType.EXCLUSIONS, null, ReasonCodeType.CATEGORY_NOT_COVERED,
                        "does not allow example-school to share EXCLUSIONS data"),
                Arguments.of("purpose not served", Fixtures.agreement("a", AgreementStatus.ACTIVE, FROM, TO, school),
                        "example-school", DataCategoryType.ATTENDANCE, PurposeType.MEASURE_OUTCOMES, ReasonCodeType.CATEGORY_NOT_COVERED,
                        "for MEASURE_OUTCOMES"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decides_coverage_with_a_reason_that_names_why(String path, Agreement agreement, String partner, DataCategoryType category,
                                                      PurposeType purpose, ReasonCodeType refusal, String words) {
        Coverage coverage = new Agreements(List.of(agreement)).cover(partner, category, purpose, TODAY);

        if (refusal == null) {
            assertThat(coverage.covered()).isTrue();
            assertThat(coverage.agreement().id()).isEqualTo("a");
            assertThat(coverage.lawfulBasis()).startsWith(words);
        } else {
            assertThat(coverage.covered()).isFalse();
            assertThat(coverage.rejection()).get().satisfies(r -> {
                assertThat(r.code()).isEqualTo(refusal);
                assertThat(r.getMessage()).contains(words);
            });
        }
    }

    @Test
    void a_second_agreement_in_force_covers_what_a_suspended_one_also_names() {
        Map<String, List<SharingTerm>> school = Map.of("example-school",
                List.of(Fixtures.term(StatutoryGatewayType.CHILDREN_ACT_2004_S_10, DataCategoryType.ATTENDANCE)));
        Agreements agreements = new Agreements(List.of(Fixtures.agreement("old", AgreementStatus.SUSPENDED, FROM, TO, school),
                Fixtures.agreement("new", AgreementStatus.ACTIVE, FROM, TO, school)));

        assertThat(agreements.cover("example-school", DataCategoryType.ATTENDANCE, null, TODAY).agreement().id()).isEqualTo("new");
        assertThat(agreements.standing("example-school", TODAY).covered()).isTrue();
    }

    @Test
    void a_suspension_by_command_outranks_an_active_file_and_a_resumption_cannot_revive_an_ended_file() {
        assertThat(AgreementStatus.ACTIVE.stricter(AgreementStatus.SUSPENDED)).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(AgreementStatus.ENDED.stricter(AgreementStatus.ACTIVE)).isEqualTo(AgreementStatus.ENDED);
        assertThat(AgreementStatus.SUSPENDED.stricter(AgreementStatus.ACTIVE)).isEqualTo(AgreementStatus.SUSPENDED);
    }

    @Test
    void special_category_data_cannot_be_agreed_without_an_article_9_condition() {
        assertThatThrownBy(() -> Fixtures.term(StatutoryGatewayType.CHILDREN_ACT_2004_S_10, DataCategoryType.MENTAL_HEALTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Article 9 condition");
    }

    @Test
    void an_agreement_cannot_end_before_it_starts() {
        assertThatThrownBy(() -> Fixtures.agreement("a", AgreementStatus.ACTIVE, TO, FROM, Map.of("example-school",
                List.of(Fixtures.term(StatutoryGatewayType.CHILDREN_ACT_2004_S_10, DataCategoryType.ATTENDANCE)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }

    @Test
    void a_recipient_receives_what_the_agreements_in_force_allow_it() {
        Agreements agreements = new Agreements(List.of(Fixtures.schoolAgreement()));

        assertThat(agreements.allowedTo(RecipientType.FAMILY_TEAM, TODAY))
                .containsExactlyInAnyOrder(DataCategoryType.REFERRAL, DataCategoryType.ATTENDANCE);
        assertThat(agreements.allowedTo(RecipientType.FAMILY_TEAM, LocalDate.of(2028, 1, 1))).isEmpty();
    }
}
