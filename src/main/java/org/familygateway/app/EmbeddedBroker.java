package org.familygateway.app;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded ActiveMQ Artemis broker: a persistent journal under the data folder, the gateway's
 * queues declared durable, a dead-letter and an expiry address (Artemis has none by default), paging
 * when a queue fills, and one listener (core and AMQP) for the family team.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger IN_VM_IDS = new AtomicInteger();
    private static final long PAGE_AFTER_BYTES = 64L * 1024 * 1024;
    /** Duplicate-detection ids remembered per address: well over the messages of a claim's lease (2 minutes). */
    private static final int ID_CACHE = 200_000;

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int inVmId = IN_VM_IDS.incrementAndGet();

    EmbeddedBroker(Path directory, String host, int port) {
        Configuration configuration = new ConfigurationImpl()
                .setName("family-gateway")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                // Artemis' default is half the heap: leave the gateway the rest (bulk shares are streamed, not held)
                .setGlobalMaxSize(Runtime.getRuntime().maxMemory() / 4)
                .setIDCacheSize(ID_CACHE)
                .setPersistIDCache(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        try {
            configuration.addAcceptorConfiguration("in-vm", inVmUrl());
            configuration.addAcceptorConfiguration("family-team", "tcp://" + host + ":" + port + "?protocols=CORE,AMQP");
        } catch (Exception e) {
            throw new IllegalStateException("bad broker acceptor configuration", e);
        }
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER))
                .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(PAGE_AFTER_BYTES)
                .setAutoCreateQueues(false)
                .setAutoCreateAddresses(false));
        for (String queue : Queues.ALL) {
            configuration.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        server.setConfiguration(configuration);
    }

    /** The in-JVM URL the gateway itself connects with. */
    String inVmUrl() {
        return "vm://" + inVmId;
    }

    void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
