package org.familygateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.familygateway.model.v1.CaseType;
import org.familygateway.validation.MessageXml;

/**
 * The family team's side: a plain AMQP 1.0 JMS client (Qpid JMS) reading family-team.cases, as any
 * council case system would; and information governance reading the quarantine.
 */
public final class FamilyTeam implements AutoCloseable {

    /** A message as the consumer saw it. */
    public record Delivered(Map<String, String> properties, byte[] body) {

        public String property(String name) {
            return properties.get(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public CaseType asCase() {
            return new MessageXml(body.length + 1L).read(body, CaseType.class);
        }
    }

    private final Connection connection;
    private final Session session;
    private final MessageConsumer cases;
    private final MessageConsumer quarantine;

    /** A consumer on any broker's AMQP acceptor (an external Artemis, say); close it after. */
    public static FamilyTeam at(String amqpUrl) {
        return new FamilyTeam(amqpUrl);
    }

    FamilyTeam(String url) {
        try {
            connection = new JmsConnectionFactory(url).createConnection();
            connection.start();
            session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            cases = session.createConsumer(session.createQueue("family-team.cases"));
            quarantine = session.createConsumer(session.createQueue("gateway.quarantine"));
        } catch (JMSException e) {
            throw new IllegalStateException("the family team cannot connect to " + url, e);
        }
    }

    /** The next case, if one arrives within the time. */
    public Optional<Delivered> pollCase(Duration timeout) {
        return poll(cases, timeout);
    }

    /** The next message on gateway.quarantine, if one arrives within the time. */
    public Optional<Delivered> pollQuarantine(Duration timeout) {
        return poll(quarantine, timeout);
    }

    public Delivered nextCase(Duration timeout) {
        return poll(cases, timeout).orElseThrow(() -> new AssertionError("no case arrived on family-team.cases within " + timeout));
    }

    /**
     * The next version of the case built from this receipt's message, passing over versions of
     * other cases (from earlier tests). Cases are per household: one may hold several messages.
     */
    public Delivered caseFrom(String receiptId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Delivered> next = poll(cases, Duration.ofMillis(200));
            if (next.isPresent() && next.get().asCase().getSource().stream().anyMatch(s -> receiptId.equals(s.getReceiptId()))) {
                return next.get();
            }
        }
        throw new AssertionError("no case built from receipt " + receiptId + " arrived on family-team.cases within " + timeout);
    }

    /** The quarantined message of this receipt, passing over any others (from earlier tests). */
    public Delivered quarantined(String receiptId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Delivered> next = poll(quarantine, Duration.ofMillis(200));
            if (next.isPresent() && receiptId.equals(next.get().property("fgReceiptId"))) {
                return next.get();
            }
        }
        throw new AssertionError("receipt " + receiptId + " did not arrive on gateway.quarantine within " + timeout);
    }

    public void expectNoCaseWithin(Duration timeout) {
        poll(cases, timeout).ifPresent(d -> {
            throw new AssertionError("a case arrived that should not have: " + d.properties());
        });
    }

    private static Optional<Delivered> poll(MessageConsumer consumer, Duration timeout) {
        try {
            Message message = consumer.receive(timeout.toMillis());
            if (message == null) {
                return Optional.empty();
            }
            Map<String, String> properties = new HashMap<>();
            for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                properties.put(name, String.valueOf(message.getObjectProperty(name)));
            }
            BytesMessage bytes = (BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return Optional.of(new Delivered(properties, body));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read from the broker", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException ignored) {
            // closing at the end of a test
        }
    }
}
