package org.familygateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.ConcernType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ProblemResultType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole way through, with real partners: a school refers a family over SOAP, the police and
 * Jobcentre Plus share what they hold about its members over SFTP, and the family team receives one
 * case for the household, a new version of it as each piece arrives, decided by the configured rule
 * set (national 2012). Then the mother withdraws consent: the team receives the "withdrawn" update
 * and nothing more for that household, whatever arrives, until she gives it again: then the case
 * resumes with everything held meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdCaseEndToEndTest {

    @RegisterExtension
    final TestGateway gateway = new TestGateway(database());

    /** The embedded database by default. */
    Map<String, String> database() {
        return Map.of();
    }

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");
    private static final PartnerIdentity JOBCENTRE = TestGateway.partner("example-jobcentre");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private ReferralType referral;
    private String caseId;

    @Test
    @Order(1)
    void a_school_referral_a_police_share_and_a_jobcentre_share_make_one_case_decided_by_the_rule_set() throws Exception {
        referral = Examples.referral();
        // the referrer names a local criterion (parenting) besides the attendance the school sees
        ConcernType parenting = new ConcernType();
        parenting.setIndicator(ConcernCodeType.PARENTING);
        parenting.setMember(referral.getHousehold().getMember().get(0));
        parenting.setObservedOn(TODAY.minusDays(10));
        referral.getConcern().add(parenting);
        ReceiptType referred;
        try (SoapPartnerClient school = gateway.soapClient(SCHOOL)) {
            referred = school.submit(referral);
        }
        assertThat(referred.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        CaseType first = gateway.familyTeam().caseFrom(referred.getReceiptId(), Duration.ofSeconds(20)).asCase();
        caseId = first.getCaseId();
        assertThat(first.getVersion()).hasToString("1");
        assertThat(first.getStatus()).isEqualTo(CaseStatusType.NEW);
        assertThat(first.getDecision().getOutcome()).as("a referral alone meets no national criterion").isEqualTo(DecisionOutcomeType.NOT_ELIGIBLE);

        // the police: an acceptable behaviour contract for the mother, named as the police know her
        ReceiptType policeReceipt = upload(POLICE, "asb.p7m", share(POLICE, "POLICE", """
                <AsbIntervention id="abc-%s">
                  <Subject>
                    <Name><Forename>Alex</Forename><Surname>Example</Surname></Name>
                    <DateOfBirth>1988-04-17</DateOfBirth>
                    <Address><Line>12 Example Road</Line><Town>Norwich</Town><Postcode>NR1 2AB</Postcode></Address>
                  </Subject>
                  <Kind>ACCEPTABLE_BEHAVIOUR_CONTRACT</Kind>
                  <HousingRelated>false</HousingRelated>
                  <IssuedBy>POLICE</IssuedBy>
                  <Period><From>%s</From><To>%s</To></Period>
                </AsbIntervention>""".formatted(UUID.randomUUID(), TODAY.minusMonths(2), TODAY.plusMonths(4))));
        CaseType second = gateway.familyTeam().caseFrom(policeReceipt.getReceiptId(), Duration.ofSeconds(20)).asCase();
        assertThat(second.getCaseId()).isEqualTo(caseId);
        assertThat(second.getVersion()).hasToString("2");
        assertThat(second.getStatus()).isEqualTo(CaseStatusType.UPDATED);
        assertThat(met(second)).contains("CRIME_ASB").doesNotContain("WORK");

        // Jobcentre Plus: a Jobseeker's Allowance claim, named only by her NI number
        ReceiptType dwpReceipt = upload(JOBCENTRE, "benefits.p7m", share(JOBCENTRE, "JOBCENTRE_PLUS", """
                <BenefitSpell id="bs-%s">
                  <Subject><Identifiers><NINumber>AB123456C</NINumber></Identifiers></Subject>
                  <Benefit>JOBSEEKERS_ALLOWANCE</Benefit>
                  <Role>CLAIMANT</Role>
                  <Spell><From>%s</From></Spell>
                </BenefitSpell>""".formatted(UUID.randomUUID(), TODAY.minusMonths(5))));
        Delivered third = gateway.familyTeam().caseFrom(dwpReceipt.getReceiptId(), Duration.ofSeconds(20));
        CaseType decided = third.asCase();
        assertThat(third.property("_AMQ_DUPL_ID")).isEqualTo(caseId + ":3");
        assertThat(decided.getCaseId()).isEqualTo(caseId);
        assertThat(decided.getVersion()).hasToString("3");

        // two national criteria (crime and ASB, worklessness) and a local one: the rule set says "to be considered"
        assertThat(decided.getDecision().getRuleSet().getId()).isEqualTo("national-2012");
        assertThat(decided.getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.TO_BE_CONSIDERED);
        assertThat(decided.getDecision().getReason()).startsWith("Two of the three national criteria and a local criterion are met");
        assertThat(met(decided)).containsExactlyInAnyOrder("CRIME_ASB", "WORK", "LOCAL");
        // one household, its two members linked across the three agencies
        assertThat(decided.getHousehold().getMember()).extracting(m -> m.getName().getForename()).containsExactlyInAnyOrder("Alex", "Sam");
        assertThat(decided.getHousehold().getMember()).allSatisfy(m -> assertThat(m.getSubjectId()).matches("ps_[a-z2-7]{32}"));
        assertThat(decided.getSource()).extracting(s -> s.getPartnerId())
                .containsExactlyInAnyOrder("example-school", "example-police", "example-jobcentre");
        assertThat(decided.getConsentPosition().getBasis()).hasToString("CONSENT");
        String alex = decided.getHousehold().getMember().stream().filter(m -> m.getName().getForename().equals("Alex")).findFirst()
                .orElseThrow().getSubjectId();
        assertThat(indicator(decided, "WORK", "OUT_OF_WORK_BENEFIT").getMember()).containsExactly(alex);
        assertThat(indicator(decided, "WORK", "OUT_OF_WORK_BENEFIT").getEvidence()).singleElement()
                .satisfies(e -> assertThat(e.getPartnerId()).isEqualTo("example-jobcentre"));

        // nothing else came: no second case, no repeated version
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(2));

        // the audit names the people only by pseudonym, and says what was decided and sent
        List<AuditEvent> steps = gateway.audit().forReceipt(dwpReceipt.getReceiptId());
        assertThat(steps).extracting(AuditEvent::type).contains(AuditEventType.MATCHED, AuditEventType.DECIDED, AuditEventType.FORWARDED);
        assertThat(steps).filteredOn(e -> e.type() == AuditEventType.FORWARDED).singleElement()
                .satisfies(e -> assertThat(e.entry().caseId()).isEqualTo(caseId));
        assertThat(steps.toString()).doesNotContain("Alex", "AB123456C", "Example Road");
    }

    @Test
    @Order(2)
    void a_further_share_about_the_household_updates_the_same_case_and_the_decision_stands() throws Exception {
        ReceiptType again = upload(JOBCENTRE, "benefits-again.p7m", share(JOBCENTRE, "JOBCENTRE_PLUS", """
                <BenefitSpell id="bs-fixed-1">
                  <Subject><Identifiers><NINumber>AB123456C</NINumber></Identifiers></Subject>
                  <Benefit>JOBSEEKERS_ALLOWANCE</Benefit>
                  <Role>CLAIMANT</Role>
                  <Spell><From>%s</From></Spell>
                </BenefitSpell>""".formatted(TODAY.minusMonths(5))));
        // a second claim record is a new source, so the case changes once (its sources); the decision stays
        CaseType updated = gateway.familyTeam().caseFrom(again.getReceiptId(), Duration.ofSeconds(20)).asCase();
        assertThat(updated.getCaseId()).isEqualTo(caseId);
        assertThat(updated.getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.TO_BE_CONSIDERED);
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(2));
    }

    @Test
    @Order(3)
    void a_withdrawal_after_the_case_went_sends_the_withdrawn_update_and_nothing_more_for_that_household() throws Exception {
        String withdrawal = new String(java.nio.file.Files.readAllBytes(org.familygateway.testing.Project.examples()
                .resolve("consent-withdrawn.xml")), StandardCharsets.UTF_8)
                .replace("<MessageId>school-consent-2026-0008</MessageId>", "<MessageId>withdrawal-" + UUID.randomUUID() + "</MessageId>")
                .replace("<CreatedAt>2026-11-20T15:30:00Z</CreatedAt>", "<CreatedAt>" + now() + "</CreatedAt>")
                .replace("<ReferralMessageId>school-2026-0001</ReferralMessageId>", "<ReferralMessageId>" + referral.getMessageId()
                        + "</ReferralMessageId>")
                .replace("<WithdrawnOn>2026-11-20</WithdrawnOn>", "<WithdrawnOn>" + TODAY + "</WithdrawnOn>");
        ReceiptType withdrawn = upload(SCHOOL, "withdrawal.p7m", withdrawal.getBytes(StandardCharsets.UTF_8));
        CaseType last = gateway.familyTeam().caseFrom(withdrawn.getReceiptId(), Duration.ofSeconds(20)).asCase();
        assertThat(last.getCaseId()).isEqualTo(caseId);
        assertThat(last.getStatus()).isEqualTo(CaseStatusType.WITHDRAWN);
        assertThat(last.getConsentPosition().getWithdrawnOn()).isEqualTo(TODAY);
        assertThat(last.getHousehold()).as("a withdrawn case carries no one's data").isNull();
        assertThat(last.getDecision()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.audit().forReceipt(withdrawn.getReceiptId()).stream()
                .anyMatch(e -> e.type() == AuditEventType.CONSENT_WITHDRAWN));

        // more evidence about the household is kept, restricted, and goes nowhere
        ReceiptType later = upload(POLICE, "asb-later.p7m", share(POLICE, "POLICE", """
                <AsbIntervention id="abc-later-%s">
                  <Subject>
                    <Name><Forename>Alex</Forename><Surname>Example</Surname></Name>
                    <DateOfBirth>1988-04-17</DateOfBirth>
                    <Address><Line>12 Example Road</Line><Town>Norwich</Town><Postcode>NR1 2AB</Postcode></Address>
                  </Subject>
                  <Kind>ASB_INJUNCTION</Kind>
                  <HousingRelated>false</HousingRelated>
                  <IssuedBy>POLICE</IssuedBy>
                  <Period><From>%s</From></Period>
                </AsbIntervention>""".formatted(UUID.randomUUID(), TODAY.minusDays(3))));
        assertThat(later.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.audit().forReceipt(later.getReceiptId()).stream()
                .anyMatch(e -> e.type() == AuditEventType.HELD));
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(3));
    }

    @Test
    @Order(4)
    void consent_given_again_resumes_the_case_with_everything_held_meanwhile() throws Exception {
        // the sample consent-given.xml as GIVEN today, about the mother as the referral named her
        String given = Examples.consentGiven("given-" + UUID.randomUUID(), referral, referral.getMessageId());
        assertThat(given).contains("<Change>GIVEN</Change>", "<GivenOn>" + TODAY + "</GivenOn>");
        ReceiptType restored = upload(SCHOOL, "consent-given.p7m", given.getBytes(StandardCharsets.UTF_8));

        // the case comes back after its WITHDRAWN version (the 5th, after the further share's 4th): the household,
        // the decision and the consent position again, and among its sources the injunction kept while consent was withdrawn
        CaseType resumed = gateway.familyTeam().caseFrom(restored.getReceiptId(), Duration.ofSeconds(20)).asCase();
        assertThat(resumed.getCaseId()).isEqualTo(caseId);
        assertThat(resumed.getVersion()).hasToString("6");
        assertThat(resumed.getStatus()).isEqualTo(CaseStatusType.UPDATED);
        assertThat(resumed.getConsentPosition().getWithdrawnOn()).isNull();
        assertThat(resumed.getHousehold().getMember()).extracting(m -> m.getName().getForename()).containsExactlyInAnyOrder("Alex", "Sam");
        assertThat(resumed.getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.TO_BE_CONSIDERED);
        assertThat(met(resumed)).contains("CRIME_ASB", "WORK");
        assertThat(resumed.getSource()).extracting(s -> s.getMessageId()).contains(referral.getMessageId())
                .anyMatch(id -> id.startsWith("given-"));
        assertThat(resumed.getSource()).filteredOn(s -> s.getPartnerId().equals("example-police")).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.audit().forReceipt(restored.getReceiptId()).stream()
                .anyMatch(e -> e.type() == AuditEventType.CONSENT_RESTORED));
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(2));
    }

    private ReceiptType upload(PartnerIdentity partner, String name, byte[] xml) throws Exception {
        try (SftpPartnerClient client = gateway.sftpClient(partner)) {
            client.upload(name, CmsFiles.sign(xml, partner.signingKey(), partner.signingCertificate()));
            ReceiptType receipt = gateway.receiptChecker().verify(client.awaitReceipt(name));
            assertThat(receipt.getOutcome()).as(() -> receipt.getReason().stream().map(r -> r.getCode() + ": " + r.getMessage()).toList()
                    .toString()).isEqualTo(OutcomeType.ACCEPTED);
            return receipt;
        }
    }

    private static byte[] share(PartnerIdentity partner, String kind, String records) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <InformationShare xmlns="urn:familygateway:v1">
                  <ShareHeader>
                    <MessageId>share-%s</MessageId>
                    <CreatedAt>%s</CreatedAt>
                    <Sender><PartnerId>%s</PartnerId><Name>An example partner</Name><Kind>%s</Kind></Sender>
                  </ShareHeader>
                %s
                </InformationShare>
                """).formatted(UUID.randomUUID(), now(), partner.partnerId(), kind, records).strip().getBytes(StandardCharsets.UTF_8);
    }

    private static String now() {
        return java.time.Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(); // always with seconds, unlike OffsetDateTime
    }

    private static List<String> met(CaseType held) {
        return held.getDecision().getProblem().stream().filter(ProblemResultType::isMet).map(ProblemResultType::getCode).toList();
    }

    private static org.familygateway.model.v1.IndicatorResultType indicator(CaseType held, String problem, String code) {
        return held.getDecision().getProblem().stream().filter(p -> p.getCode().equals(problem)).findFirst().orElseThrow()
                .getIndicator().stream().filter(i -> i.getCode().equals(code)).findFirst().orElseThrow();
    }
}
