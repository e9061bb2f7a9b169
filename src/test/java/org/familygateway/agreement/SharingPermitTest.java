package org.familygateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familygateway.agreement.Fixtures.TODAY;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.Article6BasisType;
import org.familygateway.model.v1.Article9ConditionType;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.StatutoryGatewayType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One message's records against the agreements: covered, refused by category, or special category by a field without an Art 9 condition. */
class SharingPermitTest {

    static Stream<Arguments> records() {
        SharingTerm plain = new SharingTerm(Set.of(DataCategoryType.OFFENCES, DataCategoryType.ATTENDANCE), Article6BasisType.PUBLIC_TASK,
                StatutoryGatewayType.CRIME_AND_DISORDER_ACT_1998_S_115, null);
        SharingTerm withCondition = new SharingTerm(Set.of(DataCategoryType.OFFENCES), Article6BasisType.PUBLIC_TASK,
                StatutoryGatewayType.CRIME_AND_DISORDER_ACT_1998_S_115, Article9ConditionType.SUBSTANTIAL_PUBLIC_INTEREST_SAFEGUARDING);
        return Stream.of(
                Arguments.of("a covered record", plain, "SchoolAttendance", Map.of(), null),
                Arguments.of("a record of a category not covered", plain, "SchoolExclusion", Map.of("Reason", "BULLYING"),
                        ReasonCodeType.CATEGORY_NOT_COVERED),
                Arguments.of("an offence that is not sexual, no Art 9 condition", plain, "ProvenOffence", Map.of("SexualOffence", "false"), null),
                Arguments.of("a sexual offence without an Art 9 condition", plain, "ProvenOffence", Map.of("SexualOffence", "true"),
                        ReasonCodeType.CATEGORY_NOT_COVERED),
                Arguments.of("a sexual offence with an Art 9 condition", withCondition, "ProvenOffence", Map.of("SexualOffence", "true"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void judges_each_record(String path, SharingTerm term, String element, Map<String, String> fields, ReasonCodeType refusal) {
        SharingPermit permit = new SharingPermit(agreements(term), "example-police", TODAY);

        List<Rejection> problems = permit.check(element, fields);

        if (refusal == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(refusal);
                assertThat(r.location()).contains("/" + element);
            });
        }
    }

    @Test
    void asks_for_the_fields_of_records_that_can_be_special_category_by_value() {
        SharingPermit permit = new SharingPermit(new Agreements(List.of()), "example-police", TODAY);

        assertThat(permit.needsFields("ProvenOffence")).isTrue();
        assertThat(permit.needsFields("SchoolAttendance")).isFalse();
    }

    @Test
    void a_partner_without_an_agreement_in_force_is_refused_whole() {
        SharingPermit permit = new SharingPermit(new Agreements(List.of(Fixtures.schoolAgreement().withStatus(AgreementStatus.SUSPENDED))),
                "example-school", TODAY);

        assertThatThrownBy(() -> permit.check("SchoolAttendance", Map.of())).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(ReasonCodeType.AGREEMENT_SUSPENDED));
    }

    @Test
    void counts_what_went_on_by_agreement_and_category_with_its_basis() {
        SharingPermit permit = new SharingPermit(new Agreements(List.of(Fixtures.schoolAgreement())), "example-school", TODAY);
        permit.check("SchoolAttendance", Map.of());
        permit.accepted("SchoolAttendance");
        permit.check("SchoolAttendance", Map.of());
        permit.accepted("SchoolAttendance");

        assertThat(permit.used()).containsExactly(Map.entry(new SharingPermit.Use("school-2026", DataCategoryType.ATTENDANCE), 2L));
        assertThat(permit.agreementIds()).isEqualTo("school-2026");
        assertThat(permit.lawfulBases()).isEqualTo("PUBLIC_TASK/CHILDREN_ACT_2004_S10");
    }

    @Test
    void names_the_agreements_and_bases_of_some_kinds_of_record_only_for_kinds_it_covered() {
        SharingPermit permit = new SharingPermit(new Agreements(List.of(Fixtures.schoolAgreement())), "example-school", TODAY);
        permit.check("SchoolAttendance", Map.of());
        permit.accepted("SchoolAttendance");

        assertThat(permit.agreementIdsOf(List.of("SchoolAttendance"))).isEqualTo("school-2026");
        assertThat(permit.lawfulBasesOf(List.of("SchoolAttendance"))).isEqualTo("PUBLIC_TASK/CHILDREN_ACT_2004_S10");
        // a kind never judged in this message (nor covered) names nothing
        assertThat(permit.agreementIdsOf(List.of("ProvenOffence"))).isNull();
        assertThat(permit.lawfulBasesOf(List.of())).isNull();
    }

    private static Agreements agreements(SharingTerm term) {
        return new Agreements(List.of(Fixtures.agreement("police-2026", AgreementStatus.ACTIVE, TODAY.minusYears(1), null,
                Map.of("example-police", List.of(term)))));
    }
}
