package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.familygateway.model.Headers;
import org.familygateway.testing.IntakeQueueBrowser;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What admission puts on gateway.intake, on the gateway's real broker (the household step stopped,
 * so the parts stay to be looked at): every part once, with the properties the step reads, and a
 * resend of parts already there adding nothing, whether all of them or only some were there.
 */
class IntakeQueueTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private final IntakeQueue queue = new IntakeQueue();

    @BeforeAll
    static void stopTheHouseholdStep() throws Exception {
        gateway.gateway().camelContext().getRouteController().stopRoute("pipeline");
    }

    @Test
    void a_share_goes_on_whole_with_each_chunk_numbered_grouped_by_partner_and_carrying_the_gateway_headers() throws Exception {
        String messageId = "share-" + UUID.randomUUID();
        deliver(messageId, 3);

        List<Message> onQueue = onQueue(messageId);
        assertThat(onQueue).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Message part = onQueue.get(i);
            assertThat(part.getIntProperty("fgChunk")).isEqualTo(i);
            assertThat(part.getStringProperty("_AMQ_DUPL_ID")).isEqualTo("intake:example-school:" + messageId + ":" + i);
            assertThat(part.getStringProperty("JMSXGroupID")).isEqualTo("example-school");
            assertThat(part.getStringProperty(Headers.MESSAGE_TYPE)).isEqualTo("InformationShare");
            assertThat(part.getStringProperty(Headers.RECEIPT_ID)).isEqualTo("receipt-" + messageId);
            assertThat(part.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
            assertThat(part.propertyExists("CamelFileName")).as("only the gateway's own headers travel").isFalse();
            assertThat(body((BytesMessage) part)).isEqualTo("<chunk n=\"" + i + "\"/>");
        }
    }

    @Test
    void a_resend_of_a_message_already_on_the_queue_adds_nothing() throws Exception {
        String messageId = "share-" + UUID.randomUUID();
        deliver(messageId, 3);
        deliver(messageId, 3);

        assertThat(onQueue(messageId)).hasSize(3);
    }

    @Test
    void a_referral_sent_again_is_on_the_queue_once() throws Exception {
        String messageId = "referral-" + UUID.randomUUID();
        queue.put(exchange(messageId), parts(1).get(0));
        queue.put(exchange(messageId), parts(1).get(0));

        List<Message> onQueue = onQueue(messageId);
        assertThat(onQueue).hasSize(1);
        assertThat(onQueue.get(0).getStringProperty("_AMQ_DUPL_ID")).isEqualTo("intake:example-school:" + messageId + ":0");
    }

    @Test
    void a_resend_after_a_delivery_cut_off_half_way_adds_only_what_was_missing() throws Exception {
        String messageId = "share-" + UUID.randomUUID();
        // the first chunk alone on the queue, as a delivery cut off after one send outside a transaction
        queue.put(exchange(messageId), parts(1).get(0));
        deliver(messageId, 3);

        List<Message> onQueue = onQueue(messageId);
        List<Integer> chunks = new ArrayList<>();
        for (Message m : onQueue) {
            chunks.add(m.getIntProperty("fgChunk"));
        }
        assertThat(chunks).containsExactlyInAnyOrder(0, 1, 2);
    }

    /** A share's chunks in one transaction, as ShareChunks sends them. */
    private void deliver(String messageId, int chunks) {
        Exchange exchange = exchange(messageId);
        try (IntakeQueue.Delivery delivery = queue.open(exchange.getContext())) {
            List<byte[]> parts = parts(chunks);
            for (int i = 0; i < parts.size(); i++) {
                delivery.send(new IntakeQueue.Part(exchange.getMessage().getHeaders(), parts.get(i), i));
            }
            delivery.commit();
        }
    }

    private static Exchange exchange(String messageId) {
        Exchange exchange = new DefaultExchange(gateway.gateway().camelContext());
        exchange.getMessage().setHeader(Headers.PARTNER_ID, "example-school");
        exchange.getMessage().setHeader(Headers.SENDER_MESSAGE_ID, messageId);
        exchange.getMessage().setHeader(Headers.RECEIPT_ID, "receipt-" + messageId);
        exchange.getMessage().setHeader(Headers.MESSAGE_TYPE, "InformationShare");
        exchange.getMessage().setHeader("CamelFileName", "term.p7m");
        return exchange;
    }

    private static List<byte[]> parts(int count) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(("<chunk n=\"" + i + "\"/>").getBytes(StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static List<Message> onQueue(String messageId) throws Exception {
        return IntakeQueueBrowser.parts(gateway, messageId);
    }

    private static String body(BytesMessage message) throws Exception {
        byte[] bytes = new byte[(int) message.getBodyLength()];
        message.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
