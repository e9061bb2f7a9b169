package org.familygateway.intake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsEndpoint;
import org.familygateway.model.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what admission passed on {@code gateway.intake}: a referral or consent update as received, or
 * a share's accepted records as chunks, all of one message in one broker transaction. The sends do
 * not wait for the disk one by one; the commit makes them durable together, or none of them. For a
 * 1,000,000-record share (2,038 chunks) the one wait replaces 2,038, which were a quarter of the
 * time from upload to receipt (BENCHMARKS.md).
 *
 * <p>Each part carries an Artemis duplicate-detection id made of the partner, the sender's message id
 * and the part's number, so a resend that takes over a claim whose parts were already committed
 * before a crash cut it off adds nothing. In a transaction the broker refuses the whole commit when
 * any part is a duplicate; the parts are then sent again one at a time, outside a transaction, where
 * the broker drops each duplicate and keeps any part that is missing (a delivery cut off half-way by
 * a crash before parts went in one transaction). A message of one part (a referral, a consent update)
 * is sent without a transaction: a durable send is atomic and waits for the disk once.
 *
 * <p>The parts are made into JMS messages by the Camel JMS endpoint's own binding, so they carry the
 * same properties the household step's consumer reads (GatewayHeadersOnly decides which).
 */
final class IntakeQueue {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeQueue.class);
    static final String ENDPOINT = "jms:queue:gateway.intake";
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    static final String GROUP = "JMSXGroupID";
    static final String PART = "fgChunk";
    /** Made here, not by the session: a session's createQueue asks the broker whether the queue exists, every time. */
    private static final Queue QUEUE = ActiveMQJMSClient.createQueue("gateway.intake");

    private volatile JmsEndpoint endpoint;

    /** Puts the parts (a File or bytes each) on the queue, durable when this returns. */
    void put(Exchange exchange, List<?> parts) {
        JmsEndpoint endpoint = endpoint(exchange);
        ConnectionFactory connections = endpoint.getConfiguration().getOrCreateConnectionFactory();
        try (Connection connection = connections.createConnection()) {
            if (parts.size() == 1) {
                // one part is atomic anyway: a plain durable send waits for the disk once, without a commit
                try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                    send(exchange, endpoint, session, parts);
                }
                return;
            }
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                send(exchange, endpoint, session, parts);
                session.commit();
                return;
            } catch (JMSException e) {
                if (!duplicate(e)) {
                    throw e;
                }
                LOG.info("a resend found parts of its message already on gateway.intake: receipt={} parts={}; sending each again "
                        + "on its own, the broker dropping those it has", exchange.getMessage().getHeader(Headers.RECEIPT_ID), parts.size());
            }
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                send(exchange, endpoint, session, parts);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot put the message on gateway.intake: " + e.getMessage(), e);
        }
    }

    private JmsEndpoint endpoint(Exchange exchange) {
        JmsEndpoint known = endpoint;
        if (known == null || known.getCamelContext() != exchange.getContext()) {
            known = exchange.getContext().getEndpoint(ENDPOINT, JmsEndpoint.class);
            endpoint = known;
        }
        return known;
    }

    private static void send(Exchange exchange, JmsEndpoint endpoint, Session session, List<?> parts) throws JMSException {
        String partner = exchange.getMessage().getHeader(Headers.PARTNER_ID, String.class);
        String messageId = exchange.getMessage().getHeader(Headers.SENDER_MESSAGE_ID, String.class);
        try (MessageProducer producer = session.createProducer(QUEUE)) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int index = 0; index < parts.size(); index++) {
                Exchange part = exchange.copy();
                part.getMessage().setBody(bytes(parts.get(index)));
                part.getMessage().setHeader(PART, index);
                part.getMessage().setHeader(DUPLICATE_ID, "intake:" + partner + ":" + messageId + ":" + index);
                // a partner's messages are taken by the household step in the order they were accepted
                // (a withdrawal after the referral it withdraws), though the step has several consumers:
                // Artemis gives all of one group to one consumer at a time
                part.getMessage().setHeader(GROUP, partner);
                producer.send(endpoint.getBinding().makeJmsMessage(part, session));
            }
        }
    }

    private static byte[] bytes(Object part) {
        if (part instanceof byte[] bytes) {
            return bytes;
        }
        if (part instanceof File file) {
            try {
                return Files.readAllBytes(file.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a chunk of the share: " + file.getName(), e);
            }
        }
        throw new IllegalArgumentException("cannot send a " + (part == null ? "null" : part.getClass().getName()));
    }

    /** The broker refused the commit because a message in it had a duplicate-detection id it has seen. */
    private static boolean duplicate(JMSException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }
}
