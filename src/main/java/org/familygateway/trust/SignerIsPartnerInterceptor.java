package org.familygateway.trust;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * After WSS4J has verified the signature: exactly one certificate signed the message, with allowed
 * algorithms; it is believable now (path, revocation, policy); it is the signing certificate of a
 * configured partner allowed to use SOAP; and where the connection carries a TLS client
 * certificate, or the partner is configured to use one, that certificate is the same partner's.
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
        WSSecurityEngineResult signature = onlySignature(message);
        requireAllowedAlgorithms(signature);
        X509Certificate certificate = (X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        paths.requireTrustedSigner(certificate);
        Partner partner = partners.bySigningCertificate(certificate).orElseThrow(() -> new Rejection(
                ReasonCodeType.SIGNER_NOT_A_PARTNER,
                "the signing certificate chains to the partnership CA but belongs to no configured partner"));
        if (!partner.mayUse(ChannelType.SOAP)) {
            throw new Rejection(ReasonCodeType.CHANNEL_NOT_ALLOWED, "partner '" + partner.id() + "' is not configured to send by SOAP");
        }
        requireSameTlsPartner(message, partner);
        message.put(PARTNER, partner);
    }

    private void requireAllowedAlgorithms(WSSecurityEngineResult signature) {
        String method = (String) signature.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD);
        String digest = XmlSignatureAlgorithms.digestOfSignatureMethod(method);
        if (digest == null) {
            throw new Rejection(ReasonCodeType.ALGORITHM_NOT_ALLOWED, "the signature method " + method + " is not allowed");
        }
        if (!"Ed25519".equals(digest)) {
            paths.algorithms().requireDigest(digest);
        }
        @SuppressWarnings("unchecked")
        List<WSDataRef> references = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        for (WSDataRef reference : references == null ? List.<WSDataRef>of() : references) {
            String referenceDigest = XmlSignatureAlgorithms.digest(reference.getDigestAlgorithm());
            if (referenceDigest == null) {
                throw new Rejection(ReasonCodeType.ALGORITHM_NOT_ALLOWED, "the digest " + reference.getDigestAlgorithm() + " is not allowed");
            }
            paths.algorithms().requireDigest(referenceDigest);
        }
    }

    private void requireSameTlsPartner(SoapMessage message, Partner signer) {
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        Certificate[] presented = tls == null ? null : tls.getPeerCertificates();
        if (presented != null && presented.length > 0 && presented[0] instanceof X509Certificate client) {
            Partner connected = partners.byTlsCertificate(client).orElseThrow(() -> new Rejection(ReasonCodeType.SIGNER_NOT_SENDER,
                    "the TLS client certificate belongs to no configured partner"));
            if (!connected.id().equals(signer.id())) {
                throw new Rejection(ReasonCodeType.SIGNER_NOT_SENDER, "the message is signed by partner '" + signer.id()
                        + "' but the connection is partner '" + connected.id() + "'s");
            }
        } else if (!signer.tlsCertificates().isEmpty()) {
            throw new Rejection(ReasonCodeType.SIGNER_NOT_SENDER,
                    "partner '" + signer.id() + "' must connect with its TLS client certificate");
        }
    }

    @SuppressWarnings("unchecked")
    private static WSSecurityEngineResult onlySignature(SoapMessage message) {
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        List<WSSecurityEngineResult> signatures = results == null ? List.of() : results.stream()
                .flatMap(r -> r.getActionResults().getOrDefault(WSConstants.SIGN, List.of()).stream())
                .filter(r -> r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE) != null)
                .toList();
        long signers = signatures.stream().map(r -> r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE)).filter(Objects::nonNull).distinct().count();
        if (signatures.isEmpty() || signers != 1) {
            throw new Rejection(ReasonCodeType.SIGNATURE_INVALID, "expected one X.509 signer on the message, found " + signers);
        }
        return signatures.get(0);
    }
}
