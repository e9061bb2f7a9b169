package org.familygateway.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.trust.Digests;
import org.familygateway.trust.EnvelopeShape;
import org.familygateway.validation.XmlProlog;

/**
 * First thing on every SOAP request: gives it a receipt id, notes when it arrived, keeps the bytes
 * exactly as received (for the digest and for quarantine), and refuses what is too large, carries
 * a DTD, or is not shaped as one Envelope with one Body (EnvelopeShape) before CXF parses it.
 */
final class CaptureRequest extends AbstractPhaseInterceptor<Message> {

    static final String RECEIPT_ID = "familygateway.receiptId";
    static final String RECEIVED_AT = "familygateway.receivedAt";
    static final String DIGEST = "familygateway.digest";
    static final String BYTES = "familygateway.bytes";

    private final long maxBytes;
    private final Clock clock;
    private final AuditTrail audit;
    private final EnvelopeShape shape;

    CaptureRequest(long maxBytes, Clock clock, AuditTrail audit) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.audit = audit;
        this.shape = new EnvelopeShape(maxBytes);
    }

    @Override
    public void handleMessage(Message message) {
        String receiptId = UUID.randomUUID().toString();
        Instant receivedAt = clock.instant();
        message.put(RECEIPT_ID, receiptId);
        message.put(RECEIVED_AT, receivedAt);
        InputStream in = message.getContent(InputStream.class);
        byte[] bytes = in == null ? new byte[0] : readAtMost(in);
        message.put(BYTES, bytes);
        message.put(DIGEST, Digests.hex(bytes));
        message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
        // written with the request's next entry (SIGNATURE_VERIFIED... VALIDATED, or REJECTED), in its commit
        audit.defer(new AuditEntry(AuditEventType.RECEIVED, receiptId, null, ChannelType.SOAP.value(), null, null, null,
                null, Digests.hex(bytes)));
        if (bytes.length > maxBytes) {
            throw new Rejection(ReasonCodeType.MESSAGE_TOO_LARGE, "the request is larger than " + maxBytes
                    + " bytes; the gateway read no further (the digest covers the first " + bytes.length + " bytes)");
        }
        if (XmlProlog.declaresDoctype(bytes)) {
            throw new Rejection(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT,
                    "the SOAP message contains a DTD (DOCTYPE declaration); the gateway never processes DTDs or entities");
        }
        shape.check(bytes);
    }

    private byte[] readAtMost(InputStream in) {
        try {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new Fault(e);
        }
    }
}
