package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The family team stops consuming: family-team.cases fills to its bound (5 here), then the gateway
 * answers SOAP with RETRY_LATER (GATEWAY_BUSY, Retry-After) and leaves SFTP uploads in the inbox. It
 * never refuses what it has accepted. When the team drains the queue, both are taken.
 */
class BackpressureTest {

    private static final int BOUND = 5;

    @RegisterExtension
    static final TestGateway gateway = new TestGateway(Map.of("backpressure.maxQueuedCases", String.valueOf(BOUND),
            "backpressure.retryAfterSeconds", "7"));

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");

    @Test
    void past_the_bound_soap_is_told_to_retry_and_sftp_waits_in_the_inbox_then_both_are_taken_once_drained() throws Exception {
        List<String> acceptedReceipts = new ArrayList<>();
        ReferralType refused = null;
        RawSoap.Response busy = null;
        for (int i = 0; i < 200 && busy == null; i++) {
            ReferralType referral = Examples.referral();
            RawSoap.Response response = gateway.rawSoap().post(gateway.rawSoap().signedEnvelope(Examples.xml(referral), SCHOOL));
            if (response.status() == 200) {
                acceptedReceipts.add(response.acknowledgement().getReceiptId());
            } else {
                busy = response;
                refused = referral;
            }
            Thread.sleep(50);
        }
        assertThat(busy).as("the gateway never said it was busy").isNotNull();
        assertThat(acceptedReceipts).hasSizeGreaterThanOrEqualTo(BOUND);
        ReceiptType retryLater = busy.rejection();
        assertThat(retryLater.getOutcome()).isEqualTo(OutcomeType.RETRY_LATER);
        assertThat(retryLater.getReason()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo(ReasonCodeType.GATEWAY_BUSY);
            assertThat(reason.getMessage()).contains("again in 7 seconds");
        });
        assertThat(busy.text()).contains("<faultcode>soap:Server</faultcode>").contains("GATEWAY_BUSY: ");
        assertThat(busy.header("Retry-After")).hasValue("7");
        assertThat(types(gateway.audit().forReceipt(retryLater.getReceiptId())))
                .containsExactly(AuditEventType.RECEIVED, AuditEventType.REJECTED, AuditEventType.RECEIPT_SENT);

        byte[] file = CmsFiles.sign(Examples.xml(fromPolice()), POLICE.signingKey(), POLICE.signingCertificate());
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            police.upload("while-busy.p7m", file);
            Thread.sleep(1500);
            assertThat(police.<List<String>>withSftp(sftp -> names(sftp, "inbox"))).containsExactly("while-busy.p7m");
            assertThat(police.<List<String>>withSftp(sftp -> names(sftp, "receipts"))).isEmpty();
            assertThat(Files.readAllBytes(gateway.settings().dataDir().resolve("sftp/partners/example-police/inbox/while-busy.p7m")))
                    .isEqualTo(file);

            // the sample household has one case: each accepted referral makes its next version, which adds that message
            Set<String> seen = new HashSet<>();
            Set<String> drained = new HashSet<>();
            for (int i = 0; i < acceptedReceipts.size(); i++) {
                drained.add(newSource(gateway.familyTeam().nextCase(Duration.ofSeconds(15)), seen));
            }
            assertThat(drained).as("every accepted referral became exactly one case").containsExactlyInAnyOrderElementsOf(acceptedReceipts);

            ReceiptType sftpReceipt = gateway.receiptChecker().verify(police.awaitReceipt("while-busy.p7m"));
            assertThat(sftpReceipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            assertThat(police.<List<String>>withSftp(sftp -> names(sftp, "inbox"))).isEmpty();

            ReferralType resent = refused;
            RawSoap.Response again = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                    .until(() -> gateway.rawSoap().post(gateway.rawSoap().signedEnvelope(Examples.xml(resent), SCHOOL)),
                            r -> r.status() == 200);
            assertThat(again.acknowledgement().getMessageId()).isEqualTo(refused.getMessageId());

            Set<String> after = new HashSet<>();
            after.add(newSource(gateway.familyTeam().nextCase(Duration.ofSeconds(15)), seen));
            after.add(newSource(gateway.familyTeam().nextCase(Duration.ofSeconds(15)), seen));
            assertThat(after).containsExactlyInAnyOrder(sftpReceipt.getReceiptId(), again.acknowledgement().getReceiptId());
            gateway.familyTeam().expectNoCaseWithin(Duration.ofMillis(500));
        }
    }

    /** The receipt of the one message a case version added to its sources (each version adds exactly one here). */
    private static String newSource(org.familygateway.testing.FamilyTeam.Delivered version, Set<String> seen) {
        List<String> added = version.asCase().getSource().stream().map(source -> source.getReceiptId()).filter(seen::add).toList();
        assertThat(added).as("a version adds the message that made it, once").hasSize(1);
        return added.get(0);
    }

    private static List<String> names(org.apache.sshd.sftp.client.SftpClient sftp, String folder) throws Exception {
        return StreamSupport.stream(sftp.readDir(folder).spliterator(), false).map(e -> e.getFilename())
                .filter(n -> !n.startsWith(".")).toList();
    }

    private static List<AuditEventType> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }

    private static ReferralType fromPolice() {
        ReferralType referral = Examples.referral();
        referral.getReferrer().getAgency().setPartnerId("example-police");
        referral.getReferrer().getAgency().setName("Example Constabulary");
        referral.getReferrer().getAgency().setKind(AgencyKindType.POLICE);
        return referral;
    }
}
