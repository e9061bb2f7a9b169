package org.familygateway.intake;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.familygateway.audit.AuditTrail;
import org.familygateway.service.v1.Submissions;
import org.familygateway.trust.SoapSignatureVerification;
import org.familygateway.validation.MessageXml;
import org.familygateway.validation.SecureXml;

/** Builds the SOAP intake endpoint: contract-first from the WSDL, HTTPS only, failing closed. */
public final class SoapEndpoints {

    private static final String SERVICE_NS = "urn:familygateway:service:v1";
    private static final String WSDL = "classpath:schemas/v1/family-gateway.wsdl";
    /** TLS 1.2 suites allowed: forward secrecy and AEAD only. TLS 1.3 suites are all acceptable. */
    private static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private SoapEndpoints() {
    }

    /**
     * Serves HTTPS on host:port of the bus with the gateway's certificate; partners' TLS client
     * certificates are asked for (WANT), demanded (REQUIRE) or not (NONE), and must chain to the
     * anchors. Call before the endpoint starts.
     */
    public static void useTls(Bus bus, String host, int port, PrivateKey key, List<X509Certificate> chain,
                              String clientCertificates, List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("gateway-tls", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            TLSServerParameters tls = new TLSServerParameters();
            tls.setKeyManagers(keyManagers.getKeyManagers());
            tls.setIncludeProtocols(List.of("TLSv1.3", "TLSv1.2"));
            tls.setCipherSuites(CIPHER_SUITES);
            ClientAuthentication clients = new ClientAuthentication();
            clients.setWant(!"NONE".equals(clientCertificates));
            clients.setRequired("REQUIRE".equals(clientCertificates));
            tls.setClientAuthentication(clients);
            tls.setTrustManagers(trusting(anchors));
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort(host, port, tls);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for the SOAP endpoint: " + e.getMessage(), e);
        }
    }

    private static javax.net.ssl.TrustManager[] trusting(List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < anchors.size(); i++) {
            store.setCertificateEntry("anchor-" + i, anchors.get(i));
        }
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    public static CxfEndpoint submissions(Bus bus, String address, long maxMessageBytes, Clock clock, AuditTrail audit,
                                          SoapSignatureVerification verification, SoapFaults faults, Capacity capacity) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(address);
        endpoint.setServiceClass(Submissions.class);
        endpoint.setWsdlURL(WSDL);
        endpoint.setServiceNameAsQName(new QName(SERVICE_NS, "FamilyGatewayService"));
        endpoint.setPortNameAsQName(new QName(SERVICE_NS, "SubmissionsPort"));
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.setSchemaValidationEnabled(false);
        endpoint.setSkipFaultLogging(true);
        endpoint.setAllowStreaming(false);
        endpoint.setProperties(parserLimits(maxMessageBytes));
        endpoint.getInInterceptors().add(new CaptureRequest(maxMessageBytes, clock, audit));
        endpoint.getInInterceptors().add(new RoomCheck(capacity));
        endpoint.getInInterceptors().addAll(verification.inInterceptors());
        endpoint.getOutFaultInterceptors().add(faults);
        return endpoint;
    }

    /** A SoapFaults for the endpoint, so that callers outside this package can wire one. */
    public static SoapFaults faults(Receipts receipts, MessageXml xml, AuditTrail audit, Quarantine quarantine) {
        return new SoapFaults(receipts, xml, audit, quarantine);
    }

    /** CXF's own parser limits, set explicitly (its defaults leave element count and total size open). */
    private static Map<String, Object> parserLimits(long maxMessageBytes) {
        Map<String, Object> limits = new HashMap<>();
        limits.put("org.apache.cxf.stax.maxElementDepth", SecureXml.MAX_DEPTH);
        limits.put("org.apache.cxf.stax.maxAttributeCount", SecureXml.MAX_ATTRIBUTES_PER_ELEMENT);
        limits.put("org.apache.cxf.stax.maxAttributeSize", SecureXml.MAX_ATTRIBUTE_BYTES);
        limits.put("org.apache.cxf.stax.maxChildElements", SecureXml.SOAP_MAX_CHILDREN_PER_ELEMENT);
        limits.put("org.apache.cxf.stax.maxElementCount", SecureXml.SOAP_MAX_ELEMENTS);
        limits.put("org.apache.cxf.stax.maxTextLength", (int) SecureXml.MAX_TEXT_LENGTH);
        limits.put("org.apache.cxf.stax.maxXMLCharacters", maxMessageBytes);
        return limits;
    }
}
