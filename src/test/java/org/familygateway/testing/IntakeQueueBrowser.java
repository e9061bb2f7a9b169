package org.familygateway.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.camel.component.jms.JmsEndpoint;
import org.familygateway.model.Headers;

/** Looks at what waits on a test gateway's gateway.intake without taking it away. */
public final class IntakeQueueBrowser {

    private static final long WAIT_MILLIS = 1000;

    private IntakeQueueBrowser() {
    }

    /** The parts on gateway.intake of one sender's message id, by part number. */
    public static List<Message> parts(TestGateway gateway, String senderMessageId) throws JMSException {
        ConnectionFactory connections = gateway.gateway().camelContext().getEndpoint("jms:queue:gateway.intake", JmsEndpoint.class)
                .getConfiguration().getOrCreateConnectionFactory();
        List<Message> found = new ArrayList<>();
        // a JMS QueueBrowser over Artemis reads what has reached its buffer and may end early (it missed
        // a chunk of three once, right after the commit); a consumer that waits for each message, in a
        // transaction rolled back at the end, sees them all and leaves them on the queue
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue("gateway.intake"),
                    Headers.SENDER_MESSAGE_ID + " = '" + senderMessageId + "'")) {
                for (Message m = consumer.receive(WAIT_MILLIS); m != null; m = consumer.receive(WAIT_MILLIS)) {
                    found.add(m);
                }
            }
            session.rollback();
        }
        found.sort(Comparator.comparingInt(IntakeQueueBrowser::part));
        return found;
    }

    private static int part(Message message) {
        try {
            return message.getIntProperty("fgChunk");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
