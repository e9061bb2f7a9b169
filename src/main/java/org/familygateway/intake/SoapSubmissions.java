package org.familygateway.intake;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.familygateway.model.Headers;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.trust.SoapSignatureVerification;
import org.familygateway.validation.MessageXml;
import org.familygateway.validation.Submission;

/**
 * The SOAP route's edges: takes the submitted message out of a request that CXF has already
 * verified, and puts the acknowledgement in the reply.
 */
public final class SoapSubmissions {

    private final Receipts receipts;
    private final MessageXml xml;

    public SoapSubmissions(Receipts receipts, MessageXml xml) {
        this.receipts = receipts;
        this.xml = xml;
    }

    /** The body becomes the submitted message's bytes; the headers say who sent it and when. */
    public void read(Exchange exchange) {
        org.apache.camel.Message in = exchange.getIn();
        Message request = in.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, Message.class);
        in.setHeader(Headers.RECEIPT_ID, request.get(CaptureRequest.RECEIPT_ID));
        in.setHeader(Headers.RECEIVED_AT, ((Instant) request.get(CaptureRequest.RECEIVED_AT)).atOffset(ZoneOffset.UTC).toString());
        in.setHeader(Headers.PAYLOAD_DIGEST, request.get(CaptureRequest.DIGEST));
        in.setHeader(Headers.CHANNEL, ChannelType.SOAP.value());
        in.setHeader(Headers.PARTNER_ID, SoapSignatureVerification.partnerOf(request).id());
        in.setBody(bodyBytes(in.getBody(CxfPayload.class)));
    }

    /** The reply: an Acknowledgement receipt. */
    public void acknowledge(Exchange exchange) {
        Map<String, Object> headers = exchange.getIn().getHeaders();
        var receipt = receipts.sendWithSignature(receipts.accepted(headers, exchange.getProperty(Admissions.SUBMISSION, Submission.class)), headers);
        DOMSource acknowledgement = new DOMSource(xml.toElement(MessageXml.ELEMENTS.createAcknowledgement(receipt)));
        exchange.getIn().setBody(new CxfPayload<>(null, List.<Source>of(acknowledgement), null));
    }

    private static byte[] bodyBytes(CxfPayload<?> payload) {
        List<Source> parts = payload == null ? List.of() : payload.getBodySources();
        if (parts.size() != 1) {
            throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "the SOAP Body must hold exactly one message, not " + parts.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = StaxUtils.createXMLStreamWriter(out, "UTF-8");
            StaxUtils.copy(parts.get(0), writer);
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new Rejection(ReasonCodeType.XML_MALFORMED, "the SOAP Body could not be read", null, e);
        }
        return out.toByteArray();
    }
}
