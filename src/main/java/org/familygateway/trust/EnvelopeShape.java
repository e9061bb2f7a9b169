package org.familygateway.trust;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.wss4j.common.WSS4JConstants;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.validation.SecureXml;

/**
 * The shape of a SOAP envelope as received, read from its bytes before CXF or WSS4J builds anything
 * from them. CXF's reader takes the first element named Body as the Body, wherever it is, so a
 * signed Body moved into the header would be read as the message while a forged one followed it. An
 * envelope is therefore refused unless it is: one SOAP 1.1 Envelope holding an optional Header and
 * then one Body and nothing else; no other element named Body anywhere; at most one Timestamp; and
 * no id (wsu:Id, Id, ID) carried by two elements. Broken XML and XML past a limit are named as such.
 */
public final class EnvelopeShape {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSSE11 = WSS4JConstants.WSSE11_NS;

    private final XMLInputFactory factory;

    public EnvelopeShape(long maxBytes) {
        this.factory = SecureXml.inputFactory(maxBytes);
    }

    /** Throws a Rejection naming what is wrong with the envelope's shape. */
    public void check(byte[] envelope) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(envelope));
            walk(reader);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)\\s*at \\[row,col.*$", "");
            throw SecureXml.namesALimit(message)
                    ? new Rejection(ReasonCodeType.XML_LIMIT_EXCEEDED, "the SOAP message exceeds an XML limit: " + message, null, e)
                    : new Rejection(ReasonCodeType.XML_MALFORMED, "the SOAP message is not well-formed XML: " + message, null, e);
        } finally {
            close(reader);
        }
    }

    private static void walk(XMLStreamReader reader) throws XMLStreamException {
        int depth = 0;
        int bodies = 0;
        int timestamps = 0;
        boolean envelopeSeen = false;
        boolean bodySeen = false;
        boolean headerSeen = false;
        Set<String> ids = new HashSet<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String namespace = reader.getNamespaceURI();
            String name = reader.getLocalName();
            if (depth == 1) {
                if (!SOAP11.equals(namespace) || !"Envelope".equals(name)) {
                    throw shape(ReasonCodeType.XML_MALFORMED, "the request is not a SOAP 1.1 Envelope");
                }
                envelopeSeen = true;
            } else if (depth == 2) {
                if (!SOAP11.equals(namespace) || bodySeen || !("Header".equals(name) || "Body".equals(name))
                        || ("Header".equals(name) && headerSeen)) {
                    throw coverage("the Envelope must hold an optional Header and then one Body, and nothing after the Body");
                }
                headerSeen |= "Header".equals(name);
                bodySeen |= "Body".equals(name);
            }
            if ("Body".equals(name) && ++bodies > 1) {
                throw coverage("the envelope holds an element named Body other than the Envelope's own: "
                        + "a signed Body may have been moved and another put in its place");
            }
            if (WSS4JConstants.WSU_NS.equals(namespace) && "Timestamp".equals(name) && ++timestamps > 1) {
                throw coverage("the envelope holds more than one WS-Security Timestamp");
            }
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                if (isId(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i)) && !ids.add(reader.getAttributeValue(i))) {
                    throw coverage("two elements in the envelope carry the id '" + reader.getAttributeValue(i)
                            + "': a signature's reference to it would be ambiguous");
                }
            }
        }
        if (!envelopeSeen || !bodySeen) {
            throw shape(ReasonCodeType.XML_MALFORMED, "the SOAP Envelope has no Body");
        }
    }

    private static boolean isId(String namespace, String localName) {
        boolean unqualified = namespace == null || namespace.isEmpty() || XMLConstants.NULL_NS_URI.equals(namespace);
        return ("Id".equals(localName) && (unqualified || WSS4JConstants.WSU_NS.equals(namespace) || WSSE11.equals(namespace)))
                || ("ID".equals(localName) && unqualified);
    }

    private static Rejection coverage(String message) {
        return shape(ReasonCodeType.SIGNATURE_COVERAGE, message);
    }

    private static Rejection shape(ReasonCodeType code, String message) {
        return new Rejection(code, message);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing held open: the input is a byte array
            }
        }
    }
}
