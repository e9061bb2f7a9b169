package org.familygateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.transform.stream.StreamSource;

import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.EvidenceType;
import org.familygateway.model.v1.InformationShareType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.ContractSchema;
import org.familygateway.validation.MessageXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before a case leaves, what its recipient may not receive is taken out: records, referral concerns
 * (and a referral left with none), evidence that points at removed records, the household and the
 * consent position. The result is still a valid case, lists what was withheld, and the original is
 * left as it was.
 */
class MinimisationTest {

    private static final MessageXml XML = new MessageXml(10_000_000);

    static Stream<Arguments> recipients() {
        return Stream.of(
                Arguments.of("everything allowed", except(), Set.of(), 4, 1, true),
                Arguments.of("no anti-social behaviour", except(DataCategoryType.ASB), Set.of(DataCategoryType.ASB), 3, 1, true),
                Arguments.of("no tenancy or homelessness", except(DataCategoryType.TENANCY, DataCategoryType.HOMELESSNESS),
                        Set.of(DataCategoryType.TENANCY, DataCategoryType.HOMELESSNESS), 1, 1, true),
                Arguments.of("no attendance: the referral's only concern goes, and with it the referral", except(DataCategoryType.ATTENDANCE),
                        Set.of(DataCategoryType.ATTENDANCE, DataCategoryType.REFERRAL), 4, 0, true),
                Arguments.of("no referrals", except(DataCategoryType.REFERRAL), Set.of(DataCategoryType.REFERRAL), 4, 0, true),
                Arguments.of("no identities or consent", except(DataCategoryType.IDENTITY_AND_HOUSEHOLD, DataCategoryType.CONSENT),
                        Set.of(DataCategoryType.IDENTITY_AND_HOUSEHOLD, DataCategoryType.CONSENT), 4, 1, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipients")
    void removes_what_the_recipient_may_not_receive(String path, Set<DataCategoryType> allowed, Set<DataCategoryType> removed,
                                                    int records, int referrals, boolean household) throws Exception {
        CaseType original = caseWithRecordsAndReferral();

        Minimised minimised = Minimisation.allowing(allowed).apply(original);

        CaseType result = minimised.minimised();
        assertThat(minimised.removed()).containsExactlyInAnyOrderElementsOf(removed);
        assertThat(result.getRecord()).hasSize(records);
        assertThat(result.getReferral()).hasSize(referrals);
        assertThat(result.getHousehold() != null).isEqualTo(household);
        assertThat(result.getWithheld()).containsAll(removed).contains(DataCategoryType.MENTAL_HEALTH);
        assertThat(minimised.auditDetail()).doesNotContain("h-asb", "Notice", "Example", "NR1");
        ContractSchema.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(
                XML.write(MessageXml.ELEMENTS.createCase(result)))));
        assertThat(original.getRecord()).as("the original is not changed").hasSize(4);
        assertThat(original.getReferral()).hasSize(1);
        assertThat(original.getHousehold()).isNotNull();
    }

    @Test
    void evidence_pointing_at_a_removed_record_goes_with_it() {
        CaseType original = caseWithRecordsAndReferral();

        CaseType result = Minimisation.allowing(except(DataCategoryType.ASB)).apply(original).minimised();

        assertThat(evidence(result)).extracting(EvidenceType::getRecordId).doesNotContain("h-asb-22041")
                .contains("att-004512-2025-AU", "dwp-bs-AB123456C-UC-1");
        assertThat(evidence(original)).extracting(EvidenceType::getRecordId).contains("h-asb-22041");
    }

    @Test
    void the_audit_detail_names_categories_only() {
        Minimised minimised = Minimisation.allowing(except(DataCategoryType.TENANCY, DataCategoryType.ASB)).apply(caseWithRecordsAndReferral());

        assertThat(minimised.auditDetail()).isEqualTo("removed categories: ASB, TENANCY");
        assertThat(Minimisation.allowing(except()).apply(caseWithRecordsAndReferral()).auditDetail()).isEqualTo("nothing removed");
    }

    @Test
    void a_recipient_gets_what_its_agreement_allows_it() {
        Minimised minimised = Minimisation.forRecipient(Fixtures.schoolAgreement(), RecipientType.FAMILY_TEAM).apply(caseWithRecordsAndReferral());

        assertThat(minimised.removed()).contains(DataCategoryType.ASB, DataCategoryType.TENANCY, DataCategoryType.HOMELESSNESS,
                DataCategoryType.IDENTITY_AND_HOUSEHOLD, DataCategoryType.CONSENT).doesNotContain(DataCategoryType.REFERRAL);
        assertThat(minimised.minimised().getReferral()).hasSize(1);
        assertThat(Minimisation.forRecipient(new Agreements(List.of(Fixtures.schoolAgreement())), RecipientType.FAMILY_TEAM, Fixtures.TODAY)
                .apply(caseWithRecordsAndReferral()).removed()).isEqualTo(minimised.removed());
    }

    @Test
    void the_audit_entry_records_the_categories_against_the_message() {
        Minimised minimised = Minimisation.allowing(except(DataCategoryType.ASB)).apply(caseWithRecordsAndReferral());

        var entry = minimised.auditEntry(java.util.Map.of(org.familygateway.model.Headers.RECEIPT_ID, "r-1",
                org.familygateway.model.Headers.PARTNER_ID, "example-housing", org.familygateway.model.Headers.AGREEMENT_ID, "a"));

        assertThat(entry.type()).isEqualTo(org.familygateway.audit.AuditEventType.MINIMISED);
        assertThat(entry.detail()).isEqualTo("removed categories: ASB");
        assertThat(entry.receiptId()).isEqualTo("r-1");
        assertThat(entry.agreementId()).isEqualTo("a");
    }

    /** The outgoing example case, with the school's referral and the housing association's four records. */
    private static CaseType caseWithRecordsAndReferral() {
        CaseType result = Fixtures.example("outgoing/case.xml", CaseType.class);
        ReferralType referral = Fixtures.schoolReferral();
        // ids are unique across the case: the referral's members are renamed (references follow the objects)
        referral.getHousehold().getMember().forEach(m -> m.setRef("referral-" + m.getRef()));
        result.getReferral().add(referral);
        result.getRecord().addAll(Fixtures.example("share-from-housing.xml", InformationShareType.class).getRecord());
        return result;
    }

    private static List<EvidenceType> evidence(CaseType result) {
        return result.getDecision().getProblem().stream().flatMap(p -> p.getIndicator().stream()).flatMap(i -> i.getEvidence().stream()).toList();
    }

    private static Set<DataCategoryType> except(DataCategoryType... withheld) {
        Set<DataCategoryType> allowed = EnumSet.allOf(DataCategoryType.class);
        List.of(withheld).forEach(allowed::remove);
        return allowed;
    }
}
