package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the gateway said "accepted" to is on disk: a restart loses none of it. */
class RestartTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    @Test
    void a_case_the_family_team_has_not_yet_taken_survives_a_restart() throws Exception {
        ReferralType sent = Examples.referral();
        ReceiptType receipt = submit(sent);
        await().atMost(Duration.ofSeconds(10)).until(() -> forwarded(receipt));

        gateway.restart();

        Delivered delivered = gateway.familyTeam().caseFrom(receipt.getReceiptId(), Duration.ofSeconds(15));
        assertThat(Examples.text(Examples.asSent(delivered.asCase(), sent.getMessageId()))).isEqualTo(Examples.text(sent));
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(1));
    }

    @Test
    void a_message_accepted_but_not_yet_processed_survives_a_restart_and_is_then_forwarded_once() throws Exception {
        gateway.gateway().camelContext().getRouteController().stopRoute("pipeline");
        ReferralType sent = Examples.referral();
        ReceiptType receipt = submit(sent);
        assertThat(forwarded(receipt)).as("the pipeline is stopped, so it sits on gateway.intake").isFalse();

        gateway.restart();

        Delivered delivered = gateway.familyTeam().caseFrom(receipt.getReceiptId(), Duration.ofSeconds(15));
        assertThat(Examples.text(Examples.asSent(delivered.asCase(), sent.getMessageId()))).isEqualTo(Examples.text(sent));
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(1));
    }

    private static ReceiptType submit(ReferralType referral) throws Exception {
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            ReceiptType receipt = school.submit(referral);
            assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            return receipt;
        }
    }

    private static boolean forwarded(ReceiptType receipt) {
        return gateway.audit().forReceipt(receipt.getReceiptId()).stream().anyMatch(e -> e.type() == AuditEventType.FORWARDED);
    }
}
