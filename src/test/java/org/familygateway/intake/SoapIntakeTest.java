package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.service.v1.SubmissionRejection;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.CapturedLog;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SoapIntakeTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    @Test
    void a_referral_signed_by_the_school_arrives_on_the_family_teams_queue_with_its_fields_intact() throws Exception {
        ReferralType sent = Examples.referral();

        ReceiptType acknowledgement;
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            acknowledgement = school.submit(sent);
        }

        assertThat(acknowledgement.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        assertThat(acknowledgement.getMessageId()).isEqualTo(sent.getMessageId());
        assertThat(acknowledgement.getPartnerId()).isEqualTo("example-school");
        assertThat(acknowledgement.getChannel()).isEqualTo(ChannelType.SOAP);
        assertThat(acknowledgement.getReason()).isEmpty();

        Delivered delivered = gateway.familyTeam().caseFrom(acknowledgement.getReceiptId(), Duration.ofSeconds(15));
        CaseType received = delivered.asCase();
        assertThat(received.getCaseId()).isEqualTo(delivered.property("fgCaseId"));
        // the broker's duplicate-detection id, which a consumer may use too: one per case version
        assertThat(delivered.property("_AMQ_DUPL_ID")).isEqualTo(received.getCaseId() + ":" + received.getVersion());
        assertThat(received.getSource()).filteredOn(source -> source.getReceiptId().equals(acknowledgement.getReceiptId()))
                .singleElement().satisfies(source -> {
                    assertThat(source.getPartnerId()).isEqualTo("example-school");
                    assertThat(source.getChannel()).isEqualTo(ChannelType.SOAP);
                    assertThat(source.getMessageId()).isEqualTo(sent.getMessageId());
                });
        assertThat(Examples.text(Examples.asSent(received, sent.getMessageId()))).isEqualTo(Examples.text(sent));
    }

    @Test
    void every_step_of_an_accepted_referral_is_audited_without_its_content() throws Exception {
        ReferralType sent = Examples.referral();
        ReceiptType acknowledgement;
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            acknowledgement = school.submit(sent);
        }
        String receiptId = acknowledgement.getReceiptId();
        gateway.familyTeam().caseFrom(receiptId, Duration.ofSeconds(15));

        await().atMost(Duration.ofSeconds(10)).until(() -> types(gateway.audit().forReceipt(receiptId)).contains(AuditEventType.FORWARDED));
        List<AuditEvent> events = gateway.audit().forReceipt(receiptId);
        assertThat(types(events)).containsExactlyInAnyOrder(AuditEventType.RECEIVED, AuditEventType.SIGNATURE_VERIFIED,
                AuditEventType.VALIDATED, AuditEventType.ACCEPTED, AuditEventType.RECEIPT_SENT,
                AuditEventType.MATCHED, AuditEventType.DECIDED, AuditEventType.FORWARDED);
        // intake's in the order its steps happened: RECEIVED and SIGNATURE_VERIFIED waited for VALIDATED and went with it, before it
        List<AuditEventType> intake = List.of(AuditEventType.RECEIVED, AuditEventType.SIGNATURE_VERIFIED, AuditEventType.VALIDATED,
                AuditEventType.ACCEPTED, AuditEventType.RECEIPT_SENT);
        assertThat(types(events)).filteredOn(intake::contains).containsExactlyElementsOf(intake);
        assertThat(gateway.audit().deferredWaiting()).as("nothing left waiting").isZero();
        // the intake's entries carry the digest of the bytes received; the household step's name the people, by pseudonym only
        assertThat(events).filteredOn(e -> e.entry().payloadDigest() != null).hasSize(5).allSatisfy(event ->
                assertThat(event.entry().payloadDigest()).isEqualTo(events.get(0).entry().payloadDigest()).hasSize(64));
        assertThat(events).filteredOn(e -> e.type() == AuditEventType.MATCHED).singleElement()
                .satisfies(e -> assertThat(e.entry().subjects()).as("each member, and each identifier the referral gave")
                        .hasSizeGreaterThan(sent.getHousehold().getMember().size()));
        assertThat(events).filteredOn(e -> e.type() != AuditEventType.RECEIVED)
                .allSatisfy(event -> assertThat(event.entry().partnerId()).isEqualTo("example-school"));
        assertThat(events.toString()).doesNotContain("Alex", "Example Road", "AB123456C", "U926200119001", "9434765919");
    }

    @Test
    void a_referral_accepted_whose_receipt_cannot_be_kept_is_not_refused_and_its_resend_is_told_the_receipt() throws Exception {
        ReferralType sent = Examples.referral();
        byte[] envelope = gateway.rawSoap().signedEnvelope(Examples.xml(sent), TestGateway.partner("example-school"));

        // the receipt archive gone: the Acknowledgement, signed, cannot be kept, after ACCEPTED is durable
        RawSoap.Response response;
        List<String> logged;
        try (CapturedLog log = CapturedLog.capture()) {
            response = gateway.withTableAside("issued_receipt", () -> gateway.rawSoap().post(envelope));
            logged = log.lines();
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).contains("INTERNAL_ERROR").contains("was accepted as receipt")
                .doesNotContain("<Rejection", "Rejection>");
        Matcher named = Pattern.compile("accepted as receipt ([0-9a-f-]{36})").matcher(response.text());
        assertThat(named.find()).isTrue();
        String receiptId = named.group(1);
        // said once, by the gateway, with the receipt id and the cause; not again by Camel with its route history
        assertThat(logged).filteredOn(line -> line.contains("left without its receipt")).singleElement()
                .satisfies(line -> assertThat(line).contains(receiptId));
        assertThat(logged).noneMatch(line -> line.contains("Failed delivery") || line.contains("Message History"));

        // the family team gets it; the audit trail says accepted and nothing contradicts it
        gateway.familyTeam().caseFrom(receiptId, Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> types(gateway.audit().forReceipt(receiptId)).contains(AuditEventType.FORWARDED));
        assertThat(types(gateway.audit().forReceipt(receiptId))).contains(AuditEventType.ACCEPTED)
                .doesNotContain(AuditEventType.REJECTED, AuditEventType.QUARANTINED, AuditEventType.RECEIPT_SENT);
        assertThat(gateway.familyTeam().pollQuarantine(Duration.ofSeconds(2))).isEmpty();

        // sent again under the same id: a signed answer that names the receipt it was accepted as
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            assertThatThrownBy(() -> school.submit(sent)).isInstanceOfSatisfying(SubmissionRejection.class, refused -> {
                ReceiptType answer = gateway.receiptChecker().verify(refused.getFaultInfo().getSignedReceipt());
                assertThat(answer.getOutcome()).isEqualTo(OutcomeType.REJECTED);
                assertThat(answer.getReason()).singleElement().satisfies(reason -> {
                    assertThat(reason.getCode()).isEqualTo(ReasonCodeType.REPLAYED);
                    assertThat(reason.getMessage()).contains("accepted as receipt " + receiptId);
                });
            });
        }
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(2));
    }

    private static List<AuditEventType> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }
}
