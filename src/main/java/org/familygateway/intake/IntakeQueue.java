package org.familygateway.intake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.familygateway.model.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what admission passed on {@code gateway.intake}: a referral or consent update as received
 * ({@link #put}), or a share's accepted records as chunks, all in one broker transaction
 * ({@link Delivery}, used by ShareChunks). The chunks' sends do not wait for the disk one by one; the
 * commit makes them durable together, or none of them.
 *
 * <p>Each part carries an Artemis duplicate-detection id made of the partner, the sender's message id
 * and the part's number, so a resend that takes over a claim whose parts were already committed
 * before a crash cut it off adds nothing. In a transaction the broker refuses the whole commit when
 * any part is a duplicate; the parts are then sent again one at a time, outside a transaction, where
 * the broker drops each duplicate and keeps any part that is missing (a delivery cut off half-way by
 * a crash before parts went in one transaction).
 *
 * <p>The parts are made into JMS messages by the Camel JMS endpoint's own binding, so they carry the
 * same properties the household step's consumer reads (GatewayHeadersOnly decides which).
 */
final class IntakeQueue {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeQueue.class);
    static final String ENDPOINT = "jms:queue:gateway.intake";
    /** Made here, not by the session: a session's createQueue asks the broker whether the queue exists, every time. */
    private static final Queue QUEUE = ActiveMQJMSClient.createQueue("gateway.intake");

    /** One message for the queue: the headers it carries (the gateway's own travel), its body (a file or bytes), its number in its message. */
    record Part(Map<String, Object> headers, Object body, int index) {
    }

    private volatile JmsEndpoint endpoint;

    /**
     * Puts a referral or consent update (a file or bytes) with the exchange's headers on the queue,
     * durable when this returns: one part, atomic anyway, so a plain durable send that waits for the
     * disk once; the broker drops it if it has it already (a resend after a crash).
     */
    void put(Exchange exchange, Object body) {
        sendAlone(exchange.getContext(), List.of(new Part(exchange.getMessage().getHeaders(), body, 0)));
    }

    /** A delivery in one transaction, for parts sent one by one; not thread-safe. */
    Delivery open(CamelContext context) {
        return new Delivery(context);
    }

    /**
     * Parts sent in one broker transaction as they come: durable only at {@link #commit()}, and taken
     * back by {@link #close()} without it. Used by one thread at a time.
     */
    final class Delivery implements AutoCloseable {

        private final CamelContext context;
        private final List<Part> sent = new ArrayList<>();
        private Connection connection;
        private Session session;
        private MessageProducer producer;
        private boolean committed;

        private Delivery(CamelContext context) {
            this.context = context;
        }

        void send(Part part) {
            try {
                if (session == null) {
                    connection = connections(context).createConnection();
                    session = connection.createSession(true, Session.SESSION_TRANSACTED);
                    producer = producer(session);
                }
                producer.send(message(context, session, part));
                sent.add(part);
            } catch (JMSException e) {
                throw new IllegalStateException("cannot put the message on gateway.intake: " + e.getMessage(), e);
            }
        }

        /** Makes every part sent durable; when the broker has some of them already (a resend), adds only those it lacks. */
        void commit() {
            if (session == null) {
                return;
            }
            try {
                session.commit();
                committed = true;
                return;
            } catch (JMSException e) {
                if (!duplicate(e)) {
                    throw new IllegalStateException("cannot put the message on gateway.intake: " + e.getMessage(), e);
                }
                LOG.info("a resend found parts of its message already on gateway.intake: receipt={} parts={}; sending each again "
                        + "on its own, the broker dropping those it has", sent.get(0).headers().get(Headers.RECEIPT_ID), sent.size());
            }
            sendAlone(context, sent);
            committed = true;
        }

        /** Takes back what was sent unless it was committed, and lets the connection go. */
        @Override
        public void close() {
            try {
                if (session != null && !committed) {
                    session.rollback();
                }
            } catch (JMSException e) {
                LOG.warn("could not roll back parts sent to gateway.intake ({}); the broker drops them with the connection", e.getMessage());
            } finally {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (JMSException e) {
                LOG.warn("could not close a connection to the broker: {}", e.getMessage());
            }
        }
    }

    /** Each part durable on its own, outside a transaction: the broker drops a part it has already. */
    private void sendAlone(CamelContext context, List<Part> parts) {
        try (Connection connection = connections(context).createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = producer(session)) {
            for (Part part : parts) {
                producer.send(message(context, session, part));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot put the message on gateway.intake: " + e.getMessage(), e);
        }
    }

    private static MessageProducer producer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(QUEUE);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }

    private jakarta.jms.Message message(CamelContext context, Session session, Part part) throws JMSException {
        String partner = (String) part.headers().get(Headers.PARTNER_ID);
        String messageId = (String) part.headers().get(Headers.SENDER_MESSAGE_ID);
        Exchange exchange = new DefaultExchange(context);
        Map<String, Object> headers = new HashMap<>(part.headers());
        headers.put(Headers.CHUNK, part.index());
        headers.put(Headers.DUPLICATE_ID, "intake:" + partner + ":" + messageId + ":" + part.index());
        // a partner's messages are taken by the household step in the order they were accepted (a
        // withdrawal after the referral it withdraws), though the step has several consumers: Artemis
        // gives all of one group to one consumer at a time
        headers.put(Headers.GROUP, partner);
        exchange.getMessage().setHeaders(headers);
        exchange.getMessage().setBody(bytes(part.body()));
        return endpoint(context).getBinding().makeJmsMessage(exchange, session);
    }

    private ConnectionFactory connections(CamelContext context) {
        return endpoint(context).getConfiguration().getOrCreateConnectionFactory();
    }

    private JmsEndpoint endpoint(CamelContext context) {
        JmsEndpoint known = endpoint;
        if (known == null || known.getCamelContext() != context) {
            known = context.getEndpoint(ENDPOINT, JmsEndpoint.class);
            endpoint = known;
        }
        return known;
    }

    private static byte[] bytes(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        Path file = body instanceof File f ? f.toPath() : body instanceof Path p ? p : null;
        if (file == null) {
            throw new IllegalArgumentException("cannot send a " + (body == null ? "null" : body.getClass().getName()));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a chunk of the share: " + file.getFileName(), e);
        }
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
