package org.familygateway.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.familygateway.audit.AuditTrail;
import org.familygateway.intake.SftpFolders;
import org.familygateway.intake.SftpIntakeServer;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the database, the broker (embedded or external), Camel with the routes in
 * {@code routes/}, the SOAP endpoint and the SFTP server. Started from settings, stopped in reverse.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewaySettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private AuditTrail audit;
    private Main camel;
    private SftpIntakeServer sftp;
    private String brokerUrl;
    private ProducerTemplate producer;

    private Gateway(GatewaySettings settings) {
        this.settings = settings;
    }

    public static Gateway start(GatewaySettings settings) {
        Gateway gateway = new Gateway(settings);
        try {
            gateway.startParts(Clock.systemUTC());
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    private void startParts(Clock clock) {
        Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password());
        started.push(database);
        audit = new AuditTrail(database.dataSource(), clock);

        ConnectionFactory connections = brokerConnections();
        Bus bus = BusFactory.newInstance().createBus();
        started.push(() -> bus.shutdown(true));
        SftpFolders folders = new SftpFolders(settings.dataDir().resolve("sftp").toAbsolutePath());

        camel = new Main();
        Wiring wiring = new Wiring(settings, clock, audit, folders, this::producer);
        wiring.bindInto(camel, bus);
        JmsComponent jms = JmsComponent.jmsComponent(connections);
        jms.setHeaderFilterStrategy(new GatewayHeadersOnly());
        camel.bind("jms", jms);
        camel.addInitialProperty("gateway.sftp.arrivals", folders.arrivals().toString());
        camel.configure()
                .withRoutesIncludePattern("classpath:routes/*.camel.yaml")
                .withShutdownTimeout(15)
                .withJmxEnabled(false);
        try {
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the routes: " + e.getMessage(), e);
        }
        started.push(camel::stop);

        sftp = wiring.sftpServer(folders);
        sftp.start();
        started.push(sftp);
        LOG.info("Family Gateway started: SOAP {} | SFTP {}:{} | broker {} | database {}", settings.soap().address(),
                settings.sftp().host(), sftp.port(), brokerUrl, settings.jdbcUrl().replaceAll(";.*", ""));
    }

    private ConnectionFactory brokerConnections() {
        ActiveMQConnectionFactory artemis;
        if (settings.broker().embedded()) {
            EmbeddedBroker broker = new EmbeddedBroker(settings.dataDir().resolve("artemis").toAbsolutePath(),
                    settings.broker().host(), settings.broker().port());
            broker.start();
            started.push(broker);
            artemis = new ActiveMQConnectionFactory(broker.inVmUrl());
            brokerUrl = "tcp://" + settings.broker().host() + ":" + settings.broker().port() + " (embedded)";
        } else {
            artemis = new ActiveMQConnectionFactory(settings.broker().url(), settings.broker().user(), settings.broker().password());
            brokerUrl = settings.broker().url();
        }
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(artemis);
        pool.setMaxConnections(4);
        started.push(() -> {
            pool.stop();
            artemis.close();
        });
        return pool;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.getCamelContext().createProducerTemplate();
        }
        return producer;
    }

    public GatewaySettings settings() {
        return settings;
    }

    public AuditTrail audit() {
        return audit;
    }

    public CamelContext camelContext() {
        return camel.getCamelContext();
    }

    public int sftpPort() {
        return sftp.port();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
