package org.familygateway.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.familygateway.app.GatewaySettings;
import org.familygateway.app.TrustParts;
import org.familygateway.testing.RawSoap;
import org.familygateway.trust.CertificatePaths;
import org.familygateway.validation.SubmissionReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The bare limit of SOAP intake: for one signed envelope, what no gateway can skip, and nothing
 * else: verify the WS-Security signature and Timestamp (WSS4J, the certificate path to the anchors
 * with revocation), validate the referral (the gateway's own SubmissionReader: schema and business
 * checks, among them that the signer is the partner the message names), and send it durably to a
 * persistent Artemis queue. No HTTP, no TLS, no audit, no replay guard, no receipt.
 */
final class BareIntake implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final ActiveMQConnectionFactory connections;
    private final Connection connection;
    private final Merlin anchors;
    private final CertificatePaths paths;
    private final WSSConfig wssConfig = WSSConfig.getNewInstance();
    private final Path work;
    private final Map<X509Certificate, String> signers;
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(this::worker);

    private record Worker(SubmissionReader reader, Session session, MessageProducer producer, DocumentBuilderFactory parser) {
    }

    /** signers: each partner's signing certificate, and the partner it belongs to. */
    BareIntake(GatewaySettings settings, Path folder, Map<X509Certificate, String> signers) throws Exception {
        this.work = folder;
        this.signers = Map.copyOf(signers);
        Configuration configuration = new ConfigurationImpl().setName("bare").setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO).setJournalDirectory(folder.resolve("journal").toString())
                .setBindingsDirectory(folder.resolve("bindings").toString()).setPagingDirectory(folder.resolve("paging").toString())
                .setLargeMessagesDirectory(folder.resolve("large").toString()).setSecurityEnabled(false).setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://77");
        configuration.addQueueConfiguration(QueueConfiguration.of("bare.intake").setRoutingType(RoutingType.ANYCAST).setDurable(true));
        broker.setConfiguration(configuration);
        broker.start();
        connections = new ActiveMQConnectionFactory("vm://77");
        connection = connections.createConnection();
        paths = TrustParts.certificatePaths(settings, Clock.systemUTC());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        List<X509Certificate> certificates = paths.anchorCertificates();
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("anchor-" + i, certificates.get(i));
        }
        anchors = new Merlin();
        anchors.setTrustStore(store);
    }

    private Worker worker() {
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("bare.intake"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
            parser.setNamespaceAware(true);
            parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Worker(new SubmissionReader(5_242_880, 5_242_880, 500, 1000), session, producer, parser);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean take(byte[] envelope) throws Exception {
        Worker w = workers.get();
        Document document = w.parser().newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
        RequestData data = new RequestData();
        data.setWssConfig(wssConfig);
        data.setSigVerCrypto(anchors);
        data.setTimeStampTTL(300);
        data.setTimeStampFutureTTL(60);
        data.setTimeStampStrict(true);
        WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(document, data);
        WSSecurityEngineResult signature = result.getActionResults().get(WSConstants.SIGN).get(0);
        X509Certificate signer = (X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        paths.requireTrustedSigner(signer);
        String partner = signers.get(signer);
        if (partner == null) {
            throw new IllegalStateException("signed by " + signer.getSubjectX500Principal() + ", no partner's certificate");
        }
        Element body = (Element) document.getElementsByTagNameNS(RawSoap.SOAP11, "Body").item(0);
        Node referral = body.getFirstChild();
        while (referral.getNodeType() != Node.ELEMENT_NODE) {
            referral = referral.getNextSibling();
        }
        byte[] xml = RawSoap.serialize(referral);
        Path folder = Files.createTempDirectory(work, "w");
        w.reader().read(new ByteArrayInputStream(xml), partner, LocalDate.now(), folder);
        Files.deleteIfExists(folder);
        BytesMessage message = w.session().createBytesMessage();
        message.writeBytes(xml);
        w.producer().send(message);
        return true;
    }

    @Override
    public void close() throws Exception {
        connection.close();
        connections.close();
        broker.stop();
    }

    static void deleteQuietly(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
