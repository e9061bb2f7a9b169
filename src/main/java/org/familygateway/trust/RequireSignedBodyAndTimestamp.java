package org.familygateway.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * After WSS4J has checked the signature, checks what it covers by where the signed elements are
 * in the parsed envelope, not by their ids: the one SOAP Body (the Envelope's own child, the element the
 * message is read from) and the one Timestamp in the Security header must both be among the signed
 * elements. Defeats XML signature wrapping: a signed Body moved into the header beside a forged one,
 * a second element carrying the signed Body's id, a Body anywhere but under the Envelope. Duplicate
 * ids anywhere in the envelope are refused outright, since a reference to them is ambiguous.
 */
final class RequireSignedBodyAndTimestamp extends AbstractSoapInterceptor {

    private static final String[][] ID_ATTRIBUTES = {
        {WSS4JConstants.WSU_NS, "Id"}, {null, "Id"}, {null, "ID"}, {WSS4JConstants.WSSE11_NS, "Id"}};

    RequireSignedBodyAndTimestamp() {
        super(Phase.PRE_PROTOCOL);
        addAfter(VerifySignatureInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Element envelope = envelope(message);
        String soap = envelope.getNamespaceURI();
        onlyChild(envelope, "Header");
        onlyChild(envelope, "Body");
        refuseDuplicateIds(envelope);
        // With one Body and one Timestamp in the whole envelope, each in its place, a signed element
        // that is a Body or a Timestamp in that place can only be that one. (Compared by name and
        // place, not object identity: SAAJ and WSS4J hand out different objects for the same node.)
        if (count(envelope, soap, "Body") != 1) {
            throw coverage("the envelope holds a SOAP Body other than the Envelope's own: the signed Body may have been moved");
        }
        if (count(envelope, WSS4JConstants.WSU_NS, "Timestamp") != 1) {
            throw coverage("the envelope must hold exactly one WS-Security Timestamp, in the Security header");
        }
        List<Element> signed = signedElements(message);
        if (signed.stream().noneMatch(e -> is(e, soap, "Body") && isEnvelope(e.getParentNode(), soap))) {
            throw coverage("the signature does not cover the SOAP Body that carries the message");
        }
        if (signed.stream().noneMatch(e -> is(e, WSS4JConstants.WSU_NS, "Timestamp") && inSecurityHeader(e, soap))) {
            throw coverage("the signature does not cover the WS-Security Timestamp");
        }
    }

    private static boolean inSecurityHeader(Element timestamp, String soap) {
        Node security = timestamp.getParentNode();
        Node header = security == null ? null : security.getParentNode();
        return is(security, WSS4JConstants.WSSE_NS, "Security") && is(header, soap, "Header") && isEnvelope(header.getParentNode(), soap);
    }

    private static boolean isEnvelope(Node node, String soap) {
        return is(node, soap, "Envelope") && node.getParentNode() != null && node.getParentNode().getNodeType() == Node.DOCUMENT_NODE;
    }

    private static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI());
    }

    private static int count(Element envelope, String namespace, String localName) {
        return envelope.getOwnerDocument().getElementsByTagNameNS(namespace, localName).getLength();
    }

    private static Element envelope(SoapMessage message) {
        SOAPMessage saaj = message.getContent(SOAPMessage.class);
        if (saaj == null) {
            throw coverage("the envelope was not available to check what the signature covers");
        }
        try {
            return saaj.getSOAPPart().getEnvelope();
        } catch (SOAPException e) {
            throw new Rejection(ReasonCodeType.XML_MALFORMED, "the SOAP envelope could not be read", null, e);
        }
    }

    private static void onlyChild(Element envelope, String localName) {
        Element found = null;
        for (Node child = envelope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && localName.equals(e.getLocalName()) && envelope.getNamespaceURI().equals(e.getNamespaceURI())) {
                if (found != null) {
                    throw coverage("the envelope has more than one SOAP " + localName);
                }
                found = e;
            }
        }
        if (found == null) {
            throw coverage("the envelope has no SOAP " + localName);
        }
    }

    private static void refuseDuplicateIds(Element envelope) {
        Map<String, Integer> seen = new HashMap<>();
        List<Element> pending = new ArrayList<>(List.of(envelope));
        while (!pending.isEmpty()) {
            Element element = pending.remove(pending.size() - 1);
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (isId(attribute) && seen.merge(attribute.getValue(), 1, Integer::sum) > 1) {
                    throw coverage("two elements in the envelope carry the id '" + attribute.getValue()
                            + "': a signature reference to it is ambiguous");
                }
            }
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    pending.add(e);
                }
            }
        }
    }

    private static boolean isId(Attr attribute) {
        String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
        for (String[] id : ID_ATTRIBUTES) {
            if (id[1].equals(local) && (id[0] == null ? attribute.getNamespaceURI() == null : id[0].equals(attribute.getNamespaceURI()))) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> signedElements(SoapMessage message) {
        List<Element> signed = new ArrayList<>();
        for (WSSecurityEngineResult result : results(message, WSConstants.SIGN)) {
            Object refs = result.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
            if (refs instanceof List<?> list) {
                for (Object ref : list) {
                    if (ref instanceof WSDataRef dataRef && dataRef.getProtectedElement() != null) {
                        signed.add(dataRef.getProtectedElement());
                    }
                }
            }
        }
        return signed;
    }

    private static List<WSSecurityEngineResult> results(SoapMessage message, int action) {
        List<WSSecurityEngineResult> found = new ArrayList<>();
        if (message.get(WSHandlerConstants.RECV_RESULTS) instanceof List<?> all) {
            for (Object handlerResult : all) {
                if (handlerResult instanceof WSHandlerResult r && r.getActionResults().get(action) != null) {
                    found.addAll(r.getActionResults().get(action));
                }
            }
        }
        return found;
    }

    private static Rejection coverage(String message) {
        return new Rejection(ReasonCodeType.SIGNATURE_COVERAGE, message);
    }
}
