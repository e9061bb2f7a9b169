package org.familygateway.testing;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SoapPartnerClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs a SOAP envelope as a partner's WS-Security stack would, with every choice open to a test:
 * whether there is a Timestamp and what it says, what the signature covers, how the certificate is
 * referred to, and which algorithms sign and digest.
 */
public record SoapSigner(boolean timestamp, boolean signTimestamp, boolean signBody, Instant created, Instant expires,
                         int keyIdentifier, String signatureAlgorithm, String digestAlgorithm) {

    private static final char[] IN_MEMORY = "in-memory-only".toCharArray();

    /** What a well-behaved partner does: a fresh Timestamp, both signed, the certificate in the message, SHA-256. */
    public static SoapSigner standard() {
        return new SoapSigner(true, true, true, null, null, WSConstants.BST_DIRECT_REFERENCE, null, WSS4JConstants.SHA256);
    }

    public SoapSigner withoutTimestamp() {
        return new SoapSigner(false, false, signBody, created, expires, keyIdentifier, signatureAlgorithm, digestAlgorithm);
    }

    public SoapSigner covering(boolean timestampCovered, boolean bodyCovered) {
        return new SoapSigner(timestamp, timestampCovered, bodyCovered, created, expires, keyIdentifier, signatureAlgorithm, digestAlgorithm);
    }

    public SoapSigner timestamped(Instant createdAt, Instant expiresAt) {
        return new SoapSigner(timestamp, signTimestamp, signBody, createdAt, expiresAt, keyIdentifier, signatureAlgorithm, digestAlgorithm);
    }

    public SoapSigner referringBy(int identifier) {
        return new SoapSigner(timestamp, signTimestamp, signBody, created, expires, identifier, signatureAlgorithm, digestAlgorithm);
    }

    public SoapSigner algorithms(String signature, String digest) {
        return new SoapSigner(timestamp, signTimestamp, signBody, created, expires, keyIdentifier, signature, digest);
    }

    public Document sign(Document envelope, PartnerIdentity partner) {
        try {
            WSSConfig.init();
            WSSecHeader header = new WSSecHeader(envelope);
            header.insertSecurityHeader();
            if (timestamp) {
                WSSecTimestamp stamp = new WSSecTimestamp(header);
                stamp.setTimeToLive(300);
                stamp.build();
                rewriteTimes(header.getSecurityHeaderElement());
            }
            WSSecSignature signature = new WSSecSignature(header);
            signature.setUserInfo("partner", new String(IN_MEMORY));
            signature.setKeyIdentifierType(keyIdentifier);
            signature.setSignatureAlgorithm(signatureAlgorithm != null ? signatureAlgorithm
                    : SoapPartnerClient.signatureAlgorithm(partner.signingCertificate()));
            signature.setDigestAlgo(digestAlgorithm);
            if (timestamp && signTimestamp) {
                signature.getParts().add(new WSEncryptionPart("Timestamp", WSS4JConstants.WSU_NS, ""));
            }
            if (signBody) {
                signature.getParts().add(new WSEncryptionPart("Body", RawSoap.SOAP11, ""));
            }
            signature.build(crypto(partner));
            return envelope;
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the envelope", e);
        }
    }

    private void rewriteTimes(Element security) {
        if (created != null) {
            security.getElementsByTagNameNS(WSS4JConstants.WSU_NS, "Created").item(0).setTextContent(created.toString());
        }
        if (expires != null) {
            security.getElementsByTagNameNS(WSS4JConstants.WSU_NS, "Expires").item(0).setTextContent(expires.toString());
        }
    }

    private static Merlin crypto(PartnerIdentity partner) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("partner", partner.signingKey(), IN_MEMORY, new X509Certificate[] {partner.signingCertificate()});
        Merlin merlin = new Merlin();
        merlin.setKeyStore(store);
        return merlin;
    }
}
