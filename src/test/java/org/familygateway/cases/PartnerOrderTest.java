package org.familygateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The household step has several consumers, yet takes one partner's messages in the order they
 * were accepted (a withdrawal after the referral it withdraws): admission puts each on gateway.intake
 * in the partner's JMS group, and Artemis gives a group to one consumer at a time.
 */
class PartnerOrderTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    @Test
    void a_partners_messages_wait_in_its_group_and_are_taken_in_the_order_they_were_accepted() throws Exception {
        gateway.gateway().camelContext().getRouteController().stopRoute("pipeline");
        List<String> accepted = new ArrayList<>();
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            for (int i = 0; i < 12; i++) {
                ReceiptType receipt = school.submit(Examples.referralAboutAFamilyOfItsOwn());
                assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
                accepted.add(receipt.getReceiptId());
            }
        }
        assertThat(groupsWaiting()).as("each waits on gateway.intake in the school's group").hasSize(12).containsOnly("example-school");

        gateway.gateway().camelContext().getRouteController().startRoute("pipeline");

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.stream().allMatch(r -> position(r, AuditEventType.FORWARDED) >= 0));
        List<Long> matched = accepted.stream().map(r -> position(r, AuditEventType.MATCHED)).toList();
        List<Long> inOrder = new ArrayList<>(matched);
        Collections.sort(inOrder);
        assertThat(matched).as("matched in the order accepted").containsExactlyElementsOf(inOrder);
    }

    private static List<String> groupsWaiting() throws Exception {
        List<String> groups = new ArrayList<>();
        try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + gateway.settings().broker().port()).createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue("gateway.intake"));
            for (Enumeration<?> waiting = browser.getEnumeration(); waiting.hasMoreElements(); ) {
                groups.add(((Message) waiting.nextElement()).getStringProperty("JMSXGroupID"));
            }
        }
        return groups;
    }

    private static long position(String receiptId, AuditEventType type) {
        return gateway.audit().forReceipt(receiptId).stream().filter(e -> e.type() == type).mapToLong(AuditEvent::position).findFirst()
                .orElse(-1);
    }
}
