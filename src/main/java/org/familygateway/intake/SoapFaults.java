package org.familygateway.intake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Headers;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.trust.Digests;
import org.familygateway.trust.Partner;
import org.familygateway.trust.SoapSignatureVerification;
import org.familygateway.validation.MessageXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Every SOAP failure, wherever it happened (TLS-level parsing, WS-Security, validation, the route),
 * ends here: the request is quarantined and audited with its reason, and the fault the partner
 * receives names the reason code and carries a Rejection receipt. A failure after the message was
 * accepted is no rejection (acceptedWithoutReceipt), and a Rejection receipt that cannot be made still
 * leaves the partner a fault, never the empty HTTP 200 CXF would otherwise send.
 */
final class SoapFaults extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(SoapFaults.class);

    private final Receipts receipts;
    private final MessageXml xml;
    private final AuditTrail audit;
    private final Quarantine quarantine;

    SoapFaults(Receipts receipts, MessageXml xml, AuditTrail audit, Quarantine quarantine) {
        super(Phase.PRE_LOGICAL);
        this.receipts = receipts;
        this.xml = xml;
        this.audit = audit;
        this.quarantine = quarantine;
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        Message request = exchange.getInMessage();
        Exception failure = message.getContent(Exception.class);
        org.apache.camel.Exchange routed = exchange.get(org.apache.camel.Exchange.class);
        if (routed != null && Admissions.isAccepted(routed)) {
            message.setContent(Exception.class, acceptedWithoutReceipt(routed, failure));
            return;
        }
        Rejection rejection = SoapFailures.reasonFor(failure);
        Map<String, Object> headers = headersOf(request, routed);
        Rejections.describe(rejection, headers);
        if (rejection instanceof GatewayBusy busy) {
            // nothing was taken, so there is nothing to quarantine; the partner is told when to come back
            retryAfter(message, busy);
        }
        try {
            audit.record(AuditEventType.REJECTED, headers);
        } catch (RuntimeException e) {
            LOG.error("could not audit the rejection of SOAP message receipt={}", headers.get(Headers.RECEIPT_ID), e);
        }
        if (!(rejection instanceof GatewayBusy) && !keep(request, headers)) {
            // a signed refusal is a final answer, and the partner would never send the message again: with no copy kept,
            // it is told to resend instead (a fault without a receipt), and the resend is refused and quarantined
            message.setContent(Exception.class, unsigned(rejection, headers, "the gateway could not keep a copy of the refused message; "
                    + "send it again later for a signed answer"));
            return;
        }
        try {
            ReceiptType receipt = receipts.sendWithSignature(receipts.rejected(headers, rejection), headers);
            message.setContent(Exception.class, fault(rejection, receipt));
        } catch (RuntimeException e) {
            // thrown on, this left CXF answering HTTP 200 with an empty body, which a partner could take for success
            LOG.error("could not sign or keep the Rejection receipt of SOAP message receipt={}", headers.get(Headers.RECEIPT_ID), e);
            message.setContent(Exception.class, unsigned(rejection, headers, "the gateway could not issue a signed receipt for this answer; "
                    + "send the message again later for one"));
        }
    }

    /**
     * The message was accepted (durable, audited ACCEPTED, on its way to the family team) and then its
     * receipt could not be signed or kept. Refusing it now would contradict the audit trail and the
     * family team's queue, so it is neither audited REJECTED nor quarantined, and no Rejection receipt
     * is made. The partner is told, in a fault without a receipt, that the message was accepted under
     * its receipt id; sending it again under the same message id brings a signed answer naming that
     * receipt (REPLAYED, as for any message already accepted).
     */
    private static SoapFault acceptedWithoutReceipt(org.apache.camel.Exchange routed, Exception failure) {
        String receiptId = routed.getIn().getHeader(Headers.RECEIPT_ID, String.class);
        LOG.error("accepted SOAP message left without its receipt receipt={} partner={}", receiptId,
                routed.getIn().getHeader(Headers.PARTNER_ID), failure);
        return new SoapFault(ReasonCodeType.INTERNAL_ERROR.value() + ": the message was accepted as receipt " + receiptId
                + " and goes to the family team, but its receipt could not be issued; send it again under the same message id "
                + "for a signed answer naming this receipt", Fault.FAULT_CODE_SERVER);
    }

    /** A refusal the partner must take as "send it again": a server fault naming the reason and the receipt id, with no receipt. */
    private static SoapFault unsigned(Rejection rejection, Map<String, Object> headers, String why) {
        return new SoapFault(rejection.code().value() + ": " + rejection.getMessage() + " (receipt " + headers.get(Headers.RECEIPT_ID)
                + ": " + why + ")", Fault.FAULT_CODE_SERVER);
    }

    /** Keeps the refused request in quarantine; false if it could not (the broker out of reach, say). */
    private boolean keep(Message request, Map<String, Object> headers) {
        byte[] asReceived = request == null ? null : (byte[]) request.get(CaptureRequest.BYTES);
        try {
            quarantine.keep(asReceived == null ? new byte[0] : asReceived, headers);
            return true;
        } catch (RuntimeException e) {
            // the partner is told to resend (a fault without a receipt); the audit still records this attempt's rejection
            LOG.error("could not quarantine rejected SOAP request receipt={}", headers.get(Headers.RECEIPT_ID), e);
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static void retryAfter(Message message, GatewayBusy busy) {
        Map<String, List<String>> protocolHeaders = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (protocolHeaders == null) {
            protocolHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            message.put(Message.PROTOCOL_HEADERS, protocolHeaders);
        }
        protocolHeaders.put("Retry-After", List.of(String.valueOf(busy.retryAfter().toSeconds())));
    }

    private SoapFault fault(Rejection rejection, ReceiptType receipt) {
        boolean senderFault = !Receipts.retryable(rejection);
        SoapFault fault = new SoapFault(rejection.code().value() + ": " + rejection.getMessage(),
                senderFault ? Fault.FAULT_CODE_CLIENT : Fault.FAULT_CODE_SERVER);
        Element detail = fault.getOrCreateDetail();
        Element body = xml.toElement(MessageXml.ELEMENTS.createRejection(receipt));
        detail.appendChild(detail.getOwnerDocument().importNode(body, true));
        return fault;
    }

    /**
     * What the audit entry, the quarantined copy and the receipt say of the request: what CXF captured
     * of it and, once the route has read the message, the sender's own id for it.
     */
    private static Map<String, Object> headersOf(Message request, org.apache.camel.Exchange routed) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(Headers.CHANNEL, ChannelType.SOAP.value());
        Instant receivedAt = request == null ? null : (Instant) request.get(CaptureRequest.RECEIVED_AT);
        headers.put(Headers.RECEIVED_AT, (receivedAt == null ? Instant.now() : receivedAt).atOffset(ZoneOffset.UTC).toString());
        headers.put(Headers.RECEIPT_ID, UUID.randomUUID().toString());
        headers.put(Headers.PAYLOAD_DIGEST, Digests.hex(new byte[0]));
        if (request != null) {
            headers.computeIfPresent(Headers.RECEIPT_ID, (k, v) -> Objects.requireNonNullElse(request.get(CaptureRequest.RECEIPT_ID), v));
            headers.computeIfPresent(Headers.PAYLOAD_DIGEST, (k, v) -> Objects.requireNonNullElse(request.get(CaptureRequest.DIGEST), v));
            Object partner = request.get(SoapSignatureVerification.PARTNER);
            if (partner instanceof Partner p) {
                headers.put(Headers.PARTNER_ID, p.id());
            }
        }
        Object senderMessageId = routed == null ? null : routed.getMessage().getHeader(Headers.SENDER_MESSAGE_ID);
        if (senderMessageId != null) {
            headers.put(Headers.SENDER_MESSAGE_ID, senderMessageId);
        }
        return headers;
    }
}
