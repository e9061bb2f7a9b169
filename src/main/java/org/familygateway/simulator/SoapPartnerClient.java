package org.familygateway.simulator;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.callback.Callback;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.service.v1.SubmissionRejection;
import org.familygateway.service.v1.Submissions;

/**
 * A partner's SOAP client, generated from the WSDL like any partner's would be: it signs the
 * Timestamp and the Body with the partner's certificate (sent as a BinarySecurityToken) and trusts
 * only the partnership CA for TLS.
 */
public final class SoapPartnerClient implements AutoCloseable {

    private static final String ALIAS = "partner";
    private static final char[] IN_MEMORY = "in-memory-only".toCharArray();
    private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private final Bus bus = BusFactory.newInstance().createBus();
    private final Submissions port;

    public SoapPartnerClient(String address, PartnerIdentity partner, List<X509Certificate> trustedCas) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(Submissions.class);
        factory.setAddress(address);
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(signing(partner)));
        port = factory.create(Submissions.class);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setTrustManagers(trusting(trustedCas).getTrustManagers());
        conduit.setTlsClientParameters(tls);
    }

    /** The gateway's Acknowledgement, or SubmissionRejection carrying its Rejection receipt. */
    public ReceiptType submit(ReferralType referral) throws SubmissionRejection {
        return port.submitReferral(referral);
    }

    @Override
    public void close() {
        bus.shutdown(true);
    }

    private static Map<String, Object> signing(PartnerIdentity partner) {
        Merlin crypto = new Merlin();
        crypto.setKeyStore(keyStore(partner));
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        properties.put(ConfigurationConstants.USER, ALIAS);
        properties.put(ConfigurationConstants.SIG_PROP_REF_ID, "partnerCrypto");
        properties.put("partnerCrypto", crypto);
        properties.put(SecurityConstants.SIGNATURE_CRYPTO, crypto);
        properties.put(ConfigurationConstants.PW_CALLBACK_REF, (javax.security.auth.callback.CallbackHandler) callbacks -> {
            for (Callback callback : callbacks) {
                ((WSPasswordCallback) callback).setPassword(new String(IN_MEMORY));
            }
        });
        properties.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        properties.put(ConfigurationConstants.SIGNATURE_PARTS,
                "{Element}{" + WSS4JConstants.WSU_NS + "}Timestamp;{Element}{" + SOAP11_NS + "}Body");
        properties.put(ConfigurationConstants.SIG_ALGO, signatureAlgorithm(partner.signingCertificate()));
        properties.put(ConfigurationConstants.SIG_DIGEST_ALGO, WSS4JConstants.SHA256);
        return properties;
    }

    /** The XML signature algorithm for the partner's key: SHA-256 or stronger, never SHA-1. */
    public static String signatureAlgorithm(X509Certificate certificate) {
        String key = certificate.getPublicKey().getAlgorithm();
        if ("RSA".equals(key)) {
            return WSS4JConstants.RSA_SHA256;
        }
        if ("EC".equals(key)) {
            int bits = ((java.security.interfaces.ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize();
            return bits > 256 ? WSS4JConstants.ECDSA_SHA384 : WSS4JConstants.ECDSA_SHA256;
        }
        throw new IllegalArgumentException("cannot sign SOAP with a " + key + " key");
    }

    private static KeyStore keyStore(PartnerIdentity partner) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, partner.signingKey(), IN_MEMORY, new X509Certificate[] {partner.signingCertificate()});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the partner's key", e);
        }
    }

    public static TrustManagerFactory trusting(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }
}
