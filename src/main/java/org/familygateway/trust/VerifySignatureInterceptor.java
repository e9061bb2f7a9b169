package org.familygateway.trust;

import java.util.Map;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.w3c.dom.Element;

/**
 * WSS4J's verification, with its failures turned into the gateway's reason codes so that the
 * sender learns exactly what was wrong.
 */
final class VerifySignatureInterceptor extends WSS4JInInterceptor {

    private static final QName SECURITY = new QName(WSS4JConstants.WSSE_NS, "Security");

    VerifySignatureInterceptor(Map<String, Object> properties) {
        super(properties);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Header security = message.getHeader(SECURITY);
        if (security == null) {
            throw new Rejection(ReasonCodeType.SECURITY_HEADER_MISSING,
                    "the message has no WS-Security header: it must be signed (Timestamp and Body) with the partner's certificate");
        }
        if (security.getObject() instanceof Element header
                && header.getElementsByTagNameNS(WSS4JConstants.WSU_NS, "Timestamp").getLength() == 0) {
            throw new Rejection(ReasonCodeType.TIMESTAMP_INVALID, "the WS-Security header has no Timestamp");
        }
        // Replays are caught by the database's message-id guard (MessageIds), shared by every
        // instance and kept across restarts; WSS4J's in-memory caches would only answer a replay
        // first, per instance, and as a timestamp problem.
        message.put(SecurityConstants.ENABLE_TIMESTAMP_CACHE, Boolean.FALSE);
        message.put(SecurityConstants.ENABLE_NONCE_CACHE, Boolean.FALSE);
        try {
            super.handleMessage(message);
        } catch (Fault fault) {
            throw translate(fault);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException translate(Fault fault) {
        if (!(fault.getCause() instanceof WSSecurityException e)) {
            return fault;
        }
        String id = e.getMsgID() == null ? "" : e.getMsgID();
        if (e.getErrorCode() == WSSecurityException.ErrorCode.MESSAGE_EXPIRED || id.contains("Timestamp") || id.contains("timestamp")) {
            return new Rejection(ReasonCodeType.TIMESTAMP_INVALID,
                    "the WS-Security Timestamp is missing, older than " + SoapSignatureVerification.TIMESTAMP_MAX_AGE_SECONDS
                            + " seconds, or more than " + SoapSignatureVerification.TIMESTAMP_MAX_FUTURE_SECONDS
                            + " seconds ahead of the gateway's clock", null, e);
        }
        if (causedBy(e, java.security.cert.CertificateExpiredException.class)
                || causedBy(e, java.security.cert.CertificateNotYetValidException.class)) {
            return new Rejection(ReasonCodeType.CERTIFICATE_EXPIRED, "the signing certificate is not valid now (expired or not yet valid)",
                    null, e);
        }
        if ("certpath".equals(id)) {
            return new Rejection(ReasonCodeType.CERTIFICATE_UNTRUSTED,
                    "the signing certificate does not chain to a trusted partnership CA", null, e);
        }
        return switch (e.getErrorCode()) {
            case FAILED_CHECK, FAILED_SIGNATURE -> new Rejection(ReasonCodeType.SIGNATURE_INVALID,
                    "the XML signature does not verify: the message was altered after signing, or signed wrongly", null, e);
            case FAILED_AUTHENTICATION -> new Rejection(ReasonCodeType.CERTIFICATE_UNTRUSTED,
                    "the signing certificate is not trusted: it does not chain to the partnership CA or is not valid now", null, e);
            case SECURITY_TOKEN_UNAVAILABLE -> new Rejection(ReasonCodeType.CERTIFICATE_UNTRUSTED,
                    "the signing certificate could not be found: send it in the message as a BinarySecurityToken", null, e);
            default -> new Rejection(ReasonCodeType.SIGNATURE_INVALID,
                    "the WS-Security header could not be processed (" + e.getErrorCode() + ": " + e.getMessage() + ")", null, e);
        };
    }
}
