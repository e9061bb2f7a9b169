package org.familygateway.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.camel.component.jms.JmsEndpoint;
import org.familygateway.model.Headers;

/** Looks at what waits on a test gateway's gateway.intake without taking it (a JMS queue browser). */
public final class IntakeQueueBrowser {

    private IntakeQueueBrowser() {
    }

    /** The parts on gateway.intake of one sender's message id, by part number. */
    public static List<Message> parts(TestGateway gateway, String senderMessageId) throws JMSException {
        ConnectionFactory connections = gateway.gateway().camelContext().getEndpoint("jms:queue:gateway.intake", JmsEndpoint.class)
                .getConfiguration().getOrCreateConnectionFactory();
        List<Message> found = new ArrayList<>();
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            QueueBrowser browser = session.createBrowser(session.createQueue("gateway.intake"),
                    Headers.SENDER_MESSAGE_ID + " = '" + senderMessageId + "'");
            for (Object m : Collections.list(browser.getEnumeration())) {
                found.add((Message) m);
            }
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
