package org.familygateway.trust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * After WSS4J has verified the signature: exactly one certificate signed the message, it is valid
 * now, and it is the signing certificate of a configured partner allowed to use SOAP.
 */
final class SignerIsPartnerInterceptor extends AbstractSoapInterceptor {

    static final String PARTNER = "familygateway.partner";

    private final PartnerDirectory partners;
    private final CertificatePaths paths;

    SignerIsPartnerInterceptor(PartnerDirectory partners, CertificatePaths paths) {
        super(Phase.PRE_PROTOCOL);
        addAfter(RequireSignedBodyAndTimestamp.class.getName());
        this.partners = partners;
        this.paths = paths;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        X509Certificate certificate = onlySigningCertificate(message);
        paths.requireTrustedSigner(certificate);
        Partner partner = partners.bySigningCertificate(certificate).orElseThrow(() -> new Rejection(
                ReasonCodeType.SIGNER_NOT_A_PARTNER,
                "the signing certificate chains to the partnership CA but belongs to no configured partner"));
        if (!partner.mayUse(ChannelType.SOAP)) {
            throw new Rejection(ReasonCodeType.CHANNEL_NOT_ALLOWED,
                    "partner '" + partner.id() + "' is not configured to send by SOAP");
        }
        message.put(PARTNER, partner);
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate onlySigningCertificate(SoapMessage message) {
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        List<X509Certificate> signers = results == null ? List.of() : results.stream()
                .flatMap(r -> r.getActionResults().getOrDefault(WSConstants.SIGN, List.of()).stream())
                .map(r -> (X509Certificate) r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (signers.size() != 1) {
            throw new Rejection(ReasonCodeType.SIGNATURE_INVALID,
                    "expected one X.509 signature on the message, found " + signers.size());
        }
        return signers.get(0);
    }
}
