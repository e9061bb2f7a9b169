package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.xml.transform.stream.StreamSource;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.model.v1.DecisionType;
import org.familygateway.model.v1.InformationShareType;
import org.familygateway.model.v1.RecordActionType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.model.v1.SubjectType;
import org.familygateway.testing.Project;
import org.familygateway.validation.ContractSchema;
import org.familygateway.validation.MessageXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** From the contract's sample messages to facts, and from a decision back to the case the family team receives. */
class RecordFactsTest {

    private static final MessageXml XML = new MessageXml(10_000_000);

    private static InformationShareType share(String name) throws Exception {
        return XML.read(Files.readAllBytes(Project.examples().resolve(name)), InformationShareType.class);
    }

    private static ReferralType referral(String name) throws Exception {
        return XML.read(Files.readAllBytes(Project.examples().resolve(name)), ReferralType.class);
    }

    /** Stands in for matching: the Example family's members by their identifiers, anyone else by the record. */
    private static String subjectOf(JAXBElement<? extends RecordType> element) {
        SubjectType subject = element.getValue().getSubject();
        String upn = subject.getIdentifiers() == null ? null : subject.getIdentifiers().getUPN();
        String ni = subject.getIdentifiers() == null ? null : subject.getIdentifiers().getNINumber();
        String forename = subject.getName() == null ? "" : subject.getName().getForename() + " " + subject.getName().getSurname();
        if ("U926200119001".equals(upn)) {
            return "sam";
        }
        return "AB123456C".equals(ni) || forename.equals("Alex Example") ? "alex" : "someone-in-" + element.getValue().getId();
    }

    @ParameterizedTest(name = "every record of {0} becomes a fact that says where it came from")
    @ValueSource(strings = {"share-from-school.xml", "share-from-police.xml", "share-from-housing.xml", "share-from-jobcentre.xml",
            "share-from-health.xml", "share-from-childrens-services.xml", "share-from-probation.xml"})
    void every_sample_record_becomes_a_fact(String file) throws Exception {
        InformationShareType share = share(file);
        RecordFacts.Share from = RecordFacts.Share.of(share.getShareHeader());

        for (JAXBElement<? extends RecordType> element : share.getRecord()) {
            Fact fact = RecordFacts.toFact(element, subjectOf(element), from).orElseThrow();

            assertThat(fact.source()).isEqualTo(new Source(share.getShareHeader().getSender().getPartnerId(),
                    share.getShareHeader().getSender().getKind(), share.getShareHeader().getMessageId(), element.getValue().getId()));
            assertThat(fact.subject()).isEqualTo(subjectOf(element));
            assertThat(fact.summary()).isNotBlank();
            assertThat(fact.dates()).contains(fact.date());
        }
    }

    @Test
    void the_three_kinds_of_health_record_share_a_type_and_are_told_apart_by_name() throws Exception {
        InformationShareType share = share("share-from-health.xml");
        RecordFacts.Share from = RecordFacts.Share.of(share.getShareHeader());

        List<HealthNeed.Need> needs = share.getRecord().stream()
                .map(e -> (HealthNeed) RecordFacts.toFact(e, "x", from).orElseThrow()).map(HealthNeed::need).toList();

        assertThat(needs).containsExactly(HealthNeed.Need.MENTAL_HEALTH, HealthNeed.Need.MENTAL_HEALTH,
                HealthNeed.Need.SUBSTANCE_MISUSE, HealthNeed.Need.PHYSICAL_HEALTH);
    }

    @Test
    void a_correction_replaces_the_fact_with_its_record_id_and_a_withdrawal_removes_it() throws Exception {
        InformationShareType share = share("share-from-school.xml");
        RecordFacts.Share from = RecordFacts.Share.of(share.getShareHeader());
        JAXBElement<? extends RecordType> autumn = share.getRecord().get(0);
        Household.Builder household = Household.builder("h");
        RecordFacts.apply(household, autumn, "sam", from);

        ((org.familygateway.model.v1.SchoolAttendanceType) autumn.getValue()).setSessionsUnauthorisedAbsence(30);
        autumn.getValue().setAction(RecordActionType.CORRECTION);
        RecordFacts.apply(household, autumn, "sam", from);
        assertThat(household.build().facts()).singleElement().satisfies(f -> assertThat(((Attendance) f).unauthorised()).isEqualTo(30));

        autumn.getValue().setAction(RecordActionType.WITHDRAWAL);
        RecordFacts.apply(household, autumn, "sam", from);
        assertThat(household.build().facts()).isEmpty();
    }

    @Test
    void a_referral_gives_the_members_its_concerns_its_assessment_and_the_consent() throws Exception {
        Household.Builder builder = Household.builder("h");
        ReferralFacts.apply(builder, referral("referral-from-school.xml"), Map.of("p1", "alex", "p2", "sam"));
        Household household = builder.build();

        assertThat(household.members()).extracting(Member::subjectId, m -> m.role().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alex", "PARENT_OR_CARER"), org.assertj.core.groups.Tuple.tuple("sam", "CHILD"));
        assertThat(household.facts()).extracting(Fact::summary).containsExactly(
                "Referral concern: school attendance, observed 20 October 2026",
                "Early help assessment EHA-2026-0411 of 25 October 2026",
                "Consent given on 28 October 2026");
        assertThat(household.facts()).allSatisfy(f -> assertThat(f.source().messageId()).isEqualTo("school-2026-0001"));
    }

    /** The school referral and the school, housing and Jobcentre Plus shares about the Example family, as matching would link them. */
    static Household exampleFamily() throws Exception {
        Household.Builder household = Household.builder("example-family");
        ReferralFacts.apply(household, referral("referral-from-school.xml"), Map.of("p1", "alex", "p2", "sam"));
        for (String file : List.of("share-from-school.xml", "share-from-housing.xml", "share-from-jobcentre.xml")) {
            InformationShareType share = share(file);
            for (JAXBElement<? extends RecordType> element : share.getRecord()) {
                String subject = subjectOf(element);
                if (!subject.startsWith("someone")) {
                    RecordFacts.apply(household, element, subject, RecordFacts.Share.of(share.getShareHeader()));
                }
            }
        }
        return household.build();
    }

    @Test
    void the_sample_messages_give_the_sample_cases_decision_when_universal_credit_counts() throws Exception {
        RuleSet rules = RuleSets.load("national-2012", Map.of("universal_credit", "WITH_WORK_RELATED_CONDITIONS"));

        Decision decision = Evaluator.evaluate(rules, exampleFamily(), LocalDate.of(2026, 11, 3));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcomeType.INCLUDED);
        assertThat(decision.indicator("UNAUTHORISED_ABSENCE").explanation())
                .contains("sam: 64 of 398 possible sessions were unauthorised absences (16.08%) over autumn 2025/26, spring 2025/26 and summer 2025/26");
        assertThat(decision.indicator("ASB").evidence()).extracting(f -> f.source().recordId()).containsExactly("h-asb-22041");
        assertThat(decision.indicator("OUT_OF_WORK_BENEFIT").evidence()).extracting(f -> f.source().recordId()).containsExactly("dwp-bs-AB123456C-UC-1");
    }

    @Test
    void read_as_the_2012_list_universal_credit_does_not_count_and_the_family_is_to_be_considered_at_most() throws Exception {
        Decision decision = Evaluator.evaluate(RuleSets.load("national-2012"), exampleFamily(), LocalDate.of(2026, 11, 3));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcomeType.NOT_ELIGIBLE);
        assertThat(decision.problemsMet()).containsExactly("CRIME_ASB", "EDUCATION");
        assertThat(decision.missing()).contains("To be included: not met: Worklessness.");
    }

    @Test
    void a_decision_fits_the_case_the_family_team_receives() throws Exception {
        RuleSet rules = RuleSets.load("national-2012", Map.of("universal_credit", "WITH_WORK_RELATED_CONDITIONS"));
        DecisionType decision = DecisionXml.toDecisionType(Evaluator.evaluate(rules, exampleFamily(), LocalDate.of(2026, 11, 3)));
        CaseType result = new CaseType();
        result.setCaseId("case-1");
        result.setVersion(BigInteger.ONE);
        result.setStatus(CaseStatusType.NEW);
        result.setIssuedAt(OffsetDateTime.parse("2026-11-03T09:12:44Z"));
        result.setDecision(decision);
        org.familygateway.model.v1.CaseSourceType source = new org.familygateway.model.v1.CaseSourceType();
        source.setPartnerId("example-school");
        source.setChannel(org.familygateway.model.v1.ChannelType.SOAP);
        source.setMessageId("school-2026-0001");
        source.setReceiptId("r-1");
        source.setReceivedAt(OffsetDateTime.parse("2026-11-02T09:15:03Z"));
        result.getSource().add(source);

        byte[] xml = XML.write(MessageXml.ELEMENTS.createCase(result));
        ContractSchema.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        assertThat(decision.getRuleSet().getId()).isEqualTo("national-2012");
        assertThat(decision.getProblem()).extracting(p -> p.getCode()).containsExactly("CRIME_ASB", "EDUCATION", "WORK", "LOCAL");
        assertThat(decision.getProblem().get(1).getIndicator().get(4).getEvidence()).extracting(e -> e.getRecordId())
                .containsExactly("att-004512-2025-AU", "att-004512-2025-SP", "att-004512-2025-SU");
        assertThat(decision.getProblem().get(1).getIndicator().get(4).getMember()).containsExactly("sam");
    }
}
