package org.familygateway.trust;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * The signature must cover the SOAP Body and the Timestamp themselves (not copies moved elsewhere
 * in the envelope), otherwise a valid signature could vouch for content it never saw.
 */
final class RequireSignedBodyAndTimestamp extends DefaultCryptoCoverageChecker {

    RequireSignedBodyAndTimestamp() {
        setSignBody(true);
        setSignTimestamp(true);
        setEncryptBody(false);
        setEncryptUsernameToken(false);
        addAfter(VerifySignatureInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        try {
            super.handleMessage(message);
        } catch (Fault fault) {
            throw new Rejection(ReasonCodeType.SIGNATURE_COVERAGE,
                    "the signature must cover the SOAP Body and the WS-Security Timestamp", null, fault);
        }
    }
}
