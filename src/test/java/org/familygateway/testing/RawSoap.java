package org.familygateway.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.validation.MessageXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * SOAP at the byte level, for messages no well-behaved client would send: unsigned, signed then
 * altered, signed by strangers, carrying DTDs. Builds envelopes with WSS4J and posts them over HTTPS.
 */
public final class RawSoap {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String ACTIONS = "urn:familygateway:service:v1:Submit";

    /** What came back over HTTP. */
    public record Response(int status, byte[] body, java.net.http.HttpHeaders headers) {

        public Response(int status, byte[] body) {
            this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The Rejection receipt in the fault's detail. */
        public ReceiptType rejection() {
            return receiptIn("Rejection");
        }

        public ReceiptType acknowledgement() {
            return receiptIn("Acknowledgement");
        }

        private ReceiptType receiptIn(String element) {
            Document document = parse(body);
            NodeList found = document.getElementsByTagNameNS("urn:familygateway:v1", element);
            if (found.getLength() != 1) {
                throw new AssertionError("expected one " + element + " in the response, got: " + text());
            }
            return new MessageXml(body.length + 1L).read(serialize(found.item(0)), ReceiptType.class);
        }
    }

    private final String address;
    private final HttpClient http;

    public RawSoap(String address, List<X509Certificate> trustedCas) {
        this.address = address;
        this.http = HttpClient.newBuilder().sslContext(sslContext(trustedCas)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An envelope with this body and no security header at all. */
    public Document envelope(byte[] bodyXml) {
        Document envelope = parse(("<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Header/><soap:Body/></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
        Element body = (Element) envelope.getElementsByTagNameNS(SOAP11, "Body").item(0);
        body.appendChild(envelope.importNode(parse(bodyXml).getDocumentElement(), true));
        return envelope;
    }

    /** Adds a Timestamp and a signature over it and the Body, as a partner's stack would. */
    public Document sign(Document envelope, PartnerIdentity partner) {
        return SoapSigner.standard().sign(envelope, partner);
    }

    public byte[] signedEnvelope(byte[] bodyXml, PartnerIdentity partner) {
        return serialize(sign(envelope(bodyXml), partner));
    }

    public Response post(byte[] envelope) {
        return post(envelope, "Referral");
    }

    /** Posts to the operation for a message of this root element (Referral, InformationShare, ConsentUpdate). */
    public Response post(byte[] envelope, String messageType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + ACTIONS + messageType + "\"")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("cannot post to " + address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] serialize(org.w3c.dom.Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test-side parsing of XML the test itself built or the gateway returned. */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    private static SSLContext sslContext(List<X509Certificate> cas) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, SoapPartnerClient.trusting(cas).getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
