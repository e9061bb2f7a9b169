package org.familygateway.app;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.qpid.jms.JmsConnectionFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Takes cases off family-team.cases as the family team's system would: plain JMS over AMQP 1.0
 * (Apache Qpid JMS), nothing specific to the gateway or to Artemis.
 */
@Command(name = "cases", description = "Consume cases from the family team's queue (AMQP) and print them.")
final class CasesCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "amqp://127.0.0.1:61616", description = "Broker (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--queue", defaultValue = "family-team.cases", description = "Queue (default: ${DEFAULT-VALUE})")
    String queue;

    @Option(names = "--max", defaultValue = "10", description = "Stop after this many cases (default: ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--wait", defaultValue = "5", description = "Seconds to wait for the next case (default: ${DEFAULT-VALUE})")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        int taken = 0;
        try (Connection connection = new JmsConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            for (Message message; taken < max && (message = consumer.receive(waitSeconds * 1000L)) != null; taken++) {
                System.out.println("--- case " + message.getStringProperty("fgCaseId") + " version "
                        + message.getStringProperty("fgCaseVersion") + " (" + message.getStringProperty("fgCaseStatus") + ")");
                System.out.println(body(message));
                message.acknowledge();
            }
        }
        System.out.println(taken + " case version(s) taken from " + queue);
        return 0;
    }

    private static String body(Message message) throws jakarta.jms.JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return new String(content, StandardCharsets.UTF_8);
        }
        return String.valueOf(message.getBody(Object.class));
    }
}
