package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.CapturedLog;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestCertificates;
import org.familygateway.testing.TestCertificates.Issued;
import org.familygateway.testing.TestGateway;
import org.familygateway.trust.Digests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each way a message can be refused at intake: the sender is told the reason (a SOAP fault or a
 * signed receipt), an audit entry records it, the message as received is quarantined, and nothing
 * reaches the family team.
 */
class IntakeRejectionTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");
    private static final PartnerIdentity HOUSING = TestGateway.partner("example-housing");

    @AfterEach
    void nothing_reaches_the_family_team() {
        gateway.familyTeam().expectNoCaseWithin(Duration.ofMillis(500));
    }

    @Test
    void an_unsigned_soap_message_is_rejected_as_missing_its_security_header() {
        byte[] envelope = RawSoap.serialize(gateway.rawSoap().envelope(Examples.xml(Examples.referral())));

        RawSoap.Response response = gateway.rawSoap().post(envelope);

        ReceiptType receipt = assertSoapRejected(response, envelope, ReasonCodeType.SECURITY_HEADER_MISSING);
        // nobody vouches for what an unsigned message says about itself: neither receipt, audit nor quarantine names its id
        assertThat(receipt.getMessageId()).isNull();
    }

    @Test
    void a_soap_message_whose_body_was_altered_after_signing_is_rejected_as_an_invalid_signature() {
        String signed = new String(gateway.rawSoap().signedEnvelope(Examples.xml(Examples.referral()), SCHOOL), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("<Forename>Sam</Forename>", "<Forename>Sid</Forename>").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(signed.getBytes(StandardCharsets.UTF_8));

        RawSoap.Response response = gateway.rawSoap().post(tampered);

        assertSoapRejected(response, tampered, ReasonCodeType.SIGNATURE_INVALID);
    }

    @Test
    void a_soap_message_signed_with_a_certificate_from_an_unknown_ca_is_rejected_as_untrusted() {
        Issued strangerCa = TestCertificates.certificateAuthority("Not The Partnership CA");
        Issued impostor = TestCertificates.signer(strangerCa, "Example Primary School (EXAMPLE ONLY)");
        byte[] envelope = gateway.rawSoap().signedEnvelope(Examples.xml(Examples.referral()),
                SCHOOL.withSigning(impostor.key(), impostor.certificate()));

        RawSoap.Response response = gateway.rawSoap().post(envelope);

        assertSoapRejected(response, envelope, ReasonCodeType.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void a_schema_invalid_soap_message_is_rejected_with_the_path_of_the_problem() {
        String referral = Examples.text(Examples.referral()).replace("<Gender>MALE</Gender>", "<Gender>BOY</Gender>");
        byte[] envelope = gateway.rawSoap().signedEnvelope(referral.getBytes(StandardCharsets.UTF_8), SCHOOL);

        ReceiptType receipt;
        try (CapturedLog log = CapturedLog.capture()) {
            RawSoap.Response response = gateway.rawSoap().post(envelope);

            receipt = assertSoapRejected(response, envelope, ReasonCodeType.SCHEMA_INVALID);
            // logged once, by the gateway, one line with its reason; not again by Camel with a stack trace
            assertThat(log.lines()).filteredOn(line -> line.contains(receipt.getReceiptId())).hasSize(1)
                    .allMatch(line -> line.contains("reason=SCHEMA_INVALID"));
            assertThat(log.lines()).noneMatch(line -> line.contains("Failed delivery"));
        }
        assertThat(receipt.getReason().get(0).getLocation()).startsWith("/Referral/Household/Member[2]/Gender");
        assertThat(receipt.getReason().get(0).getMessage()).doesNotContain("BOY");
    }

    @Test
    void a_soap_message_refused_when_its_rejection_receipt_cannot_be_kept_still_gets_a_fault_naming_its_reason() {
        String referral = Examples.text(Examples.referral()).replace("<Gender>MALE</Gender>", "<Gender>BOY</Gender>");
        byte[] envelope = gateway.rawSoap().signedEnvelope(referral.getBytes(StandardCharsets.UTF_8), SCHOOL);

        // the receipt archive gone: the Rejection receipt cannot be kept
        RawSoap.Response response = gateway.withTableAside("issued_receipt", () -> gateway.rawSoap().post(envelope));

        // a fault, never an empty HTTP 200 that a partner could take for success
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).contains("faultcode").contains("SCHEMA_INVALID")
                .contains("could not issue a signed receipt for this answer").doesNotContain("Rejection>");
        Matcher named = Pattern.compile("\\(receipt ([0-9a-f-]{36}): ").matcher(response.text());
        assertThat(named.find()).as(response.text()).isTrue();
        Delivered quarantined = gateway.familyTeam().quarantined(named.group(1), Duration.ofSeconds(10));
        assertThat(quarantined.property("fgReasonCode")).isEqualTo("SCHEMA_INVALID");
        assertThat(quarantined.body()).as("quarantined exactly as received").isEqualTo(envelope);
        List<AuditEvent> events = gateway.audit().forReceipt(named.group(1));
        assertThat(types(events)).contains(AuditEventType.RECEIVED, AuditEventType.REJECTED, AuditEventType.QUARANTINED)
                .doesNotContain(AuditEventType.RECEIPT_SENT, AuditEventType.ACCEPTED);
    }

    @Test
    void a_soap_message_refused_when_no_copy_of_it_can_be_kept_is_not_given_a_final_answer_and_its_resend_is() throws Exception {
        // found by the crash harness: a refusal arriving while the broker was down got a signed Rejection and was kept nowhere
        String referral = Examples.text(Examples.referral()).replace("<Gender>MALE</Gender>", "<Gender>BOY</Gender>");
        byte[] envelope = gateway.rawSoap().signedEnvelope(referral.getBytes(StandardCharsets.UTF_8), SCHOOL);

        // the quarantine out of reach, as when the broker is down: the refused request cannot be kept
        var routes = gateway.gateway().camelContext().getRouteController();
        RawSoap.Response response;
        routes.stopRoute("quarantine");
        try {
            response = gateway.rawSoap().post(envelope);
        } finally {
            routes.startRoute("quarantine");
        }

        // a signed Rejection is final and the partner would never resend, leaving no copy anywhere: it is told to resend
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).contains("faultcode").contains("Server").contains("SCHEMA_INVALID")
                .contains("could not keep a copy of the refused message").doesNotContain("Rejection>");
        Matcher named = Pattern.compile("\\(receipt ([0-9a-f-]{36}): ").matcher(response.text());
        assertThat(named.find()).as(response.text()).isTrue();
        String firstTry = named.group(1);
        List<AuditEvent> events = gateway.audit().forReceipt(firstTry);
        assertThat(types(events)).contains(AuditEventType.RECEIVED, AuditEventType.REJECTED)
                .doesNotContain(AuditEventType.QUARANTINED, AuditEventType.RECEIPT_SENT, AuditEventType.ACCEPTED);

        // the partner sends the same message again (a fresh security header): now refused for good, signed, and kept
        byte[] resend = gateway.rawSoap().signedEnvelope(referral.getBytes(StandardCharsets.UTF_8), SCHOOL);
        ReceiptType receipt = assertSoapRejected(gateway.rawSoap().post(resend), resend, ReasonCodeType.SCHEMA_INVALID);
        assertThat(receipt.getReceiptId()).isNotEqualTo(firstTry);
    }

    @Test
    void a_soap_message_carrying_an_external_entity_is_rejected_before_any_parser_resolves_it() {
        String body = "<Referral xmlns=\"urn:familygateway:v1\"><MessageId>&xxe;</MessageId></Referral>";
        byte[] envelope = ("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + RawSoap.SOAP11 + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);

        RawSoap.Response response = gateway.rawSoap().post(envelope);

        assertSoapRejected(response, envelope, ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
        assertThat(response.text()).doesNotContain("root:");
    }

    @Test
    void a_file_signed_by_one_partner_and_uploaded_by_another_is_rejected_as_not_the_senders() throws Exception {
        byte[] file = CmsFiles.sign(Examples.xml(Examples.referral()), HOUSING.signingKey(), HOUSING.signingCertificate());

        ReceiptType receipt = uploadAsPolice("signed-by-housing.p7m", file);

        assertSftpRejected(receipt, file, ReasonCodeType.SIGNER_NOT_SENDER);
        assertThat(receipt.getReason().get(0).getMessage()).contains("example-housing").contains("example-police");
    }

    @Test
    void a_schema_invalid_file_is_rejected_with_the_path_of_the_problem() throws Exception {
        ReferralType referral = Examples.referral();
        String xml = Examples.text(referral).replaceFirst("(?s)<Consent>.*</Consent>", "");
        byte[] file = CmsFiles.sign(xml.getBytes(StandardCharsets.UTF_8), POLICE.signingKey(), POLICE.signingCertificate());

        ReceiptType receipt = uploadAsPolice("no-consent.p7m", file);

        assertSftpRejected(receipt, file, ReasonCodeType.SCHEMA_INVALID);
        assertThat(receipt.getReason().get(0).getLocation()).startsWith("/Referral/");
        // assertRejected saw the audit entry and the quarantined copy name the same id
        assertThat(receipt.getMessageId()).isEqualTo(referral.getMessageId());
    }

    @Test
    void a_soap_message_refused_by_its_checks_is_found_by_the_id_its_sender_gave_it() {
        ReferralType referral = Examples.referral();
        String future = Examples.text(referral).replace("<ObservedOn>2026-10-20</ObservedOn>", "<ObservedOn>2099-01-01</ObservedOn>");
        byte[] envelope = gateway.rawSoap().signedEnvelope(future.getBytes(StandardCharsets.UTF_8), SCHOOL);

        ReceiptType receipt = assertSoapRejected(gateway.rawSoap().post(envelope), envelope, ReasonCodeType.DATE_IN_FUTURE);

        // assertRejected saw the audit entry and the quarantined copy name the same id
        assertThat(receipt.getMessageId()).isEqualTo(referral.getMessageId());
    }

    @Test
    void a_file_carrying_an_external_entity_is_rejected_and_the_entity_never_resolved() throws Exception {
        byte[] xml = ("<?xml version=\"1.0\"?>\n<!DOCTYPE Referral [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Referral xmlns=\"urn:familygateway:v1\"><MessageId>&xxe;</MessageId></Referral>").getBytes(StandardCharsets.UTF_8);
        byte[] file = CmsFiles.sign(xml, POLICE.signingKey(), POLICE.signingCertificate());

        ReceiptType receipt = uploadAsPolice("xxe.p7m", file);

        assertSftpRejected(receipt, file, ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
        assertThat(receipt.getReason().get(0).getMessage()).doesNotContain("root:");
    }

    private static ReceiptType uploadAsPolice(String name, byte[] file) {
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            police.upload(name, file);
            return gateway.receiptChecker().verify(police.awaitReceipt(name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReceiptType assertSoapRejected(RawSoap.Response response, byte[] sent, ReasonCodeType reason) {
        assertThat(response.status()).as("SOAP 1.1 faults travel with HTTP 500").isEqualTo(500);
        assertThat(response.text()).contains("faultcode").contains(reason.value());
        ReceiptType receipt = response.rejection();
        assertThat(receipt.getChannel()).isEqualTo(ChannelType.SOAP);
        assertRejected(receipt, sent, reason);
        return receipt;
    }

    private static void assertSftpRejected(ReceiptType receipt, byte[] sent, ReasonCodeType reason) {
        assertThat(receipt.getChannel()).isEqualTo(ChannelType.SFTP);
        assertThat(receipt.getPartnerId()).isEqualTo("example-police");
        assertRejected(receipt, sent, reason);
    }

    private static void assertRejected(ReceiptType receipt, byte[] sent, ReasonCodeType reason) {
        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.REJECTED);
        assertThat(receipt.getReason()).first().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo(reason);
            assertThat(r.getMessage()).isNotBlank();
        });
        assertThat(HexFormat.of().formatHex(receipt.getPayloadDigest().getValue())).isEqualToIgnoringCase(Digests.hex(sent));

        String receiptId = receipt.getReceiptId();
        await().atMost(Duration.ofSeconds(10)).until(() -> types(gateway.audit().forReceipt(receiptId)).contains(AuditEventType.RECEIPT_SENT));
        List<AuditEvent> events = gateway.audit().forReceipt(receiptId);
        assertThat(types(events)).contains(AuditEventType.RECEIVED, AuditEventType.REJECTED, AuditEventType.QUARANTINED,
                AuditEventType.RECEIPT_SENT).doesNotContain(AuditEventType.ACCEPTED, AuditEventType.FORWARDED);
        // the refusal's audit entry and quarantined copy name the sender's id for the message exactly when the receipt does
        assertThat(events).filteredOn(e -> e.type() == AuditEventType.REJECTED).singleElement().satisfies(e -> {
            assertThat(e.entry().reasonCode()).isEqualTo(reason.value());
            assertThat(e.entry().senderMessageId()).isEqualTo(receipt.getMessageId());
        });

        Delivered quarantined = gateway.familyTeam().quarantined(receiptId, Duration.ofSeconds(10));
        assertThat(quarantined.property("fgReasonCode")).isEqualTo(reason.value());
        assertThat(quarantined.property("fgSenderMessageId")).isEqualTo(receipt.getMessageId());
        assertThat(quarantined.body()).as("quarantined exactly as received").isEqualTo(sent);
    }

    private static List<AuditEventType> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }
}
