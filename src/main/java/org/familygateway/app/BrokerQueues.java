package org.familygateway.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many messages wait on each of the gateway's queues, asked of the broker (embedded or external,
 * through Artemis' management address) every few hundred milliseconds and kept, so that back-pressure
 * and metrics read a number without a round trip. If the broker stops answering, that is the problem
 * the health check reports.
 */
final class BrokerQueues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerQueues.class);
    private static final Duration EVERY = Duration.ofMillis(250);
    private static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final long ANSWER_WITHIN_MILLIS = 2000;

    private final ServerLocator locator;
    private final String user;
    private final String password;
    private final Map<String, Long> depths = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "broker-queue-depths");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastRead = Instant.EPOCH;
    private volatile String lastProblem = "not asked yet";
    private ClientSessionFactory factory;
    private ClientSession session;
    private ClientRequestor requestor;

    BrokerQueues(String url, String user, String password) {
        try {
            this.locator = ActiveMQClient.createServerLocator(url).setReconnectAttempts(0).setCallTimeout(ANSWER_WITHIN_MILLIS);
        } catch (Exception e) {
            throw new ConfigurationException("bad broker url " + url + ": " + e.getMessage());
        }
        this.user = user == null || user.isBlank() ? null : user;
        this.password = password == null || password.isBlank() ? null : password;
    }

    void start() {
        refresh();
        poller.scheduleWithFixedDelay(this::refresh, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last known number of messages on the queue (0 before the first answer). */
    long depth(String queue) {
        return depths.getOrDefault(queue, 0L);
    }

    /** Empty while the broker answers; what went wrong when it has not answered for a few seconds. */
    Optional<String> problem() {
        if (Duration.between(lastRead, Instant.now()).compareTo(STALE_AFTER) > 0) {
            return Optional.of("the broker has not answered for " + Duration.between(lastRead, Instant.now()).toSeconds()
                    + " s: " + lastProblem);
        }
        return Optional.empty();
    }

    private synchronized void refresh() {
        try {
            connectIfNeeded();
            for (String queue : Queues.ALL) {
                depths.put(queue, count(queue));
            }
            lastRead = Instant.now();
        } catch (Exception e) {
            if (lastProblem == null || !lastProblem.equals(e.toString())) {
                LOG.warn("cannot read queue depths from the broker: {}", e.toString());
            }
            lastProblem = e.toString();
            disconnect();
        }
    }

    private long count(String queue) throws Exception {
        ClientMessage ask = session.createMessage(false);
        ManagementHelper.putAttribute(ask, ResourceNames.QUEUE + queue, "messageCount");
        ClientMessage answer = requestor.request(ask, ANSWER_WITHIN_MILLIS);
        if (answer == null) {
            throw new IllegalStateException("no answer from the broker's management address");
        }
        answer.acknowledge();   // a core consumer acknowledges explicitly; unacknowledged answers pile up in the broker
        if (!ManagementHelper.hasOperationSucceeded(answer)) {
            return 0; // the queue is not there (yet): an external broker creates it on first use
        }
        return ((Number) ManagementHelper.getResult(answer)).longValue();
    }

    private void connectIfNeeded() throws Exception {
        if (session != null && !session.isClosed()) {
            return;
        }
        factory = locator.createSessionFactory();
        session = factory.createSession(user, password, false, true, true, false, 0);
        requestor = new ClientRequestor(session, ActiveMQDefaultConfiguration.getDefaultManagementAddress());
        session.start();
    }

    private void disconnect() {
        try {
            if (requestor != null) {
                requestor.close();
            }
            if (session != null) {
                session.close();
            }
            if (factory != null) {
                factory.close();
            }
        } catch (Exception ignored) {
            // reconnecting on the next round
        }
        requestor = null;
        session = null;
        factory = null;
    }

    @Override
    public synchronized void close() {
        poller.shutdownNow();
        disconnect();
        locator.close();
    }
}
