package org.familygateway.trust;

import java.security.KeyStore;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * The CXF in-interceptors that make SOAP intake fail closed: a WS-Security header must be present;
 * its XML signature must verify with an X.509 certificate that chains to the trust anchors; the
 * signature must cover the Body and the Timestamp; the Timestamp must be fresh; and the certificate
 * must be a configured partner's, for a partner allowed to use SOAP.
 */
public final class SoapSignatureVerification {

    /** Seconds a Timestamp may be old, and may be ahead of the gateway's clock. */
    static final int TIMESTAMP_MAX_AGE_SECONDS = 300;

    /** The message property holding the verified Partner. */
    public static final String PARTNER = SignerIsPartnerInterceptor.PARTNER;

    static final int TIMESTAMP_MAX_FUTURE_SECONDS = 60;

    private final PartnerDirectory partners;
    private final CertificatePaths paths;

    public SoapSignatureVerification(PartnerDirectory partners, CertificatePaths paths) {
        this.partners = partners;
        this.paths = paths;
    }

    public List<Interceptor<? extends Message>> inInterceptors() {
        return List.of(
                new VerifySignatureInterceptor(wss4jProperties()),
                new RequireSignedBodyAndTimestamp(),
                new SignerIsPartnerInterceptor(partners, paths));
    }

    /** The partner that signed the request, once the in-interceptors have run. */
    public static Partner partnerOf(Message message) {
        Object partner = message.getExchange().getInMessage().get(PARTNER);
        if (partner instanceof Partner p) {
            return p;
        }
        throw new IllegalStateException("the SOAP request reached the route without a verified partner");
    }

    private Map<String, Object> wss4jProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        properties.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(TIMESTAMP_MAX_AGE_SECONDS));
        properties.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, String.valueOf(TIMESTAMP_MAX_FUTURE_SECONDS));
        properties.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        properties.put(ConfigurationConstants.IS_BSP_COMPLIANT, "true");
        properties.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "anchorsOnly");
        properties.put("anchorsOnly", anchorsOnly());
        properties.put(SecurityConstants.RETURN_SECURITY_ERROR, Boolean.FALSE);
        return properties;
    }

    /**
     * A WSS4J crypto that trusts only the anchors. Partner certificates are deliberately not in it:
     * Merlin treats its keystore entries as trust anchors, which would let an expired partner
     * certificate verify. Partners therefore send their certificate in the message
     * (BinarySecurityToken), and SignerIsPartnerInterceptor matches it to the configuration.
     */
    private Merlin anchorsOnly() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> anchors = paths.anchorCertificates();
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            Merlin merlin = new Merlin();
            merlin.setTrustStore(store);
            return merlin;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the WS-Security trust store", e);
        }
    }
}
