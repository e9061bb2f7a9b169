package org.familygateway.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.familygateway.agreement.AgreementUsage;
import org.familygateway.audit.AuditJobs;
import org.familygateway.audit.AuditTrail;
import org.familygateway.audit.RetentionPurge;
import org.familygateway.audit.console.ConsoleServer;
import org.familygateway.cases.CaseOutbox;
import org.familygateway.cases.EvidenceLeftovers;
import org.familygateway.intake.SftpFolders;
import org.familygateway.intake.SftpIntakeServer;
import org.familygateway.operations.GatewayMetrics;
import org.familygateway.operations.OperationsServer;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the database, the broker (embedded or external), Camel with the routes in
 * {@code routes/}, the SOAP endpoint, the SFTP server, the audit's timed jobs and the IG console.
 * Started from settings, stopped in reverse.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** How long start-up waits for another process to release the embedded database's audit head. */
    private static final Duration LEFTOVER_LOCK_PATIENCE = Duration.ofSeconds(10);
    private static final int PRODUCER_WINDOW_BYTES = 4 << 20;

    private final GatewaySettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private AuditTrail audit;
    private Main camel;
    private SftpIntakeServer sftp;
    private String brokerUrl;
    private ConsoleServer console;
    private OperationsServer operations;
    private BrokerQueues queues;
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

    /** The agreements' usage counts, for the console's usage report. */
    private static ConsoleServer.UsageByCategory usageByCategory(Database database, Clock clock) {
        AgreementUsage usage = new AgreementUsage(database.dataSource(), clock);
        return (from, to) -> usage.report(from, to).stream().map(row -> List.of(row.agreementId(), row.partnerId(),
                row.category().value(), String.valueOf(row.messages()), String.valueOf(row.records()))).toList();
    }

    private void startParts(Clock clock) {
        Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password());
        started.push(database);
        database.refuseLeftoverLocks(LEFTOVER_LOCK_PATIENCE);
        AuditParts auditParts = new AuditParts(settings, database.dataSource(), clock);
        audit = auditParts.trail;
        int sealed = audit.sealEntriesFromBeforeTheTree();
        if (sealed > 0) {
            LOG.info("sealed {} audit entries written before the log was a Merkle tree", sealed);
        }
        int leftAudit = audit.discardEntriesBeyondHead();
        int leftVersions = CaseOutbox.discardVersionsBeyondCases(database.dataSource());
        int leftEvidence = EvidenceLeftovers.discard(database.dataSource());
        if (leftAudit + leftVersions + leftEvidence > 0) {
            LOG.warn("removed what a transaction cut off by the last stop left behind: {} audit entries beyond the log's head, "
                    + "{} case versions beyond their case, {} pieces of evidence naming people who do not exist; it never committed, "
                    + "so nothing accepted is lost (the messages come again from the broker)", leftAudit, leftVersions, leftEvidence);
        }

        ConnectionFactory connections = brokerConnections();
        Bus bus = BusFactory.newInstance().createBus();
        started.push(() -> bus.shutdown(true));
        SftpFolders folders = new SftpFolders(settings.dataDir().resolve("sftp").toAbsolutePath());

        camel = new Main();
        queues.start();
        QueueBounds capacity = new QueueBounds(queues, settings.backpressure());
        Wiring wiring = new Wiring(settings, clock, database.dataSource(), audit, folders, this::producer, capacity);
        wiring.bindInto(camel, bus);
        JmsComponent jms = JmsComponent.jmsComponent(connections);
        jms.setHeaderFilterStrategy(new GatewayHeadersOnly());
        camel.bind("jms", jms);
        camel.addInitialProperty("gateway.sftp.arrivals", folders.arrivals().toString());
        camel.addInitialProperty("gateway.eligibility.reviewMillis", String.valueOf(settings.eligibility().reviewInterval().toMillis()));
        camel.configure()
                .withRoutesIncludePattern("classpath:routes/*.camel.yaml")
                .withShutdownTimeout(15)
                .withJmxEnabled(false);
        // once the routes have stopped, entries still deferred (a delivery cut off by the stop) are written before the database closes
        started.push(() -> audit.flushDeferred(Duration.ZERO));
        try {
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the routes: " + e.getMessage(), e);
        }
        started.push(camel::stop);

        sftp = wiring.sftpServer(folders);
        sftp.start();
        started.push(sftp);
        started.push(wiring.dailyChecks());
        startAuditJobsAndConsole(auditParts, database, wiring, clock);
        if (settings.operations().on()) {
            GatewayMetrics metrics = OperationsParts.metrics(audit, queues, wiring.arrivalRetries(), sftp, wiring.households());
            started.push(metrics);
            operations = OperationsParts.serve(settings, metrics, queues, database.dataSource(), sftp.port(), wiring.arrivalRetries());
            started.push(operations);
        }
        LOG.info("Family Gateway started: SOAP {} | SFTP {}:{} | broker {} | database {} | IG console {} | metrics {}",
                settings.soap().address(), settings.sftp().host(), sftp.port(), brokerUrl, settings.jdbcUrl().replaceAll(";.*", ""),
                console == null ? "off" : console.address(), operations == null ? "off" : operations.address() + "metrics");
    }

    private void startAuditJobsAndConsole(AuditParts auditParts, Database database, Wiring wiring, Clock clock) {
        GatewaySettings.Audit auditSettings = settings.audit();
        started.push(new AuditJobs(audit, auditParts.checkpoints, auditSettings.checkpointInterval(),
                new RetentionPurge(database.dataSource(), audit, auditParts.retention, clock),
                auditSettings.retentionOrDefault().purgeInterval()));
        GatewaySettings.Console c = settings.console();
        if (c.on()) {
            console = ConsoleServer.start(new ConsoleServer.Options(c.hostOrDefault(), c.portOrDefault(), c.idleTimeout(),
                    c.maxAge(), c.cookiesSecure()), database.dataSource(), audit, auditParts.checkpoints, wiring.pseudonyms(), clock,
                    usageByCategory(database, clock));
            started.push(console);
        }
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
            queues = new BrokerQueues(broker.inVmUrl(), null, null);
        } else {
            artemis = new ActiveMQConnectionFactory(settings.broker().url(), settings.broker().user(), settings.broker().password());
            brokerUrl = settings.broker().url();
            queues = new BrokerQueues(settings.broker().url(), settings.broker().user(), settings.broker().password());
        }
        started.push(queues);
        // a share's chunks (265 KB each) go on in one transaction, each streamed in packets against
        // the producer's credits: with the default window of 64 KB every packet waited for the broker's
        // go-ahead (1,000,000 records: 6.4 s to enqueue; 4 MB: 4.4 s). Paging, not credits, bounds the
        // queue (EmbeddedBroker), so a wider window costs no memory the broker does not already bound.
        artemis.setProducerWindowSize(PRODUCER_WINDOW_BYTES);
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

    /** The IG console's port (the configured one, or the one chosen for port 0); -1 when it is off. */
    public int consolePort() {
        return console == null ? -1 : console.port();
    }

    /** The metrics and health endpoints' port; -1 when they are off. */
    public int operationsPort() {
        return operations == null ? -1 : operations.port();
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
