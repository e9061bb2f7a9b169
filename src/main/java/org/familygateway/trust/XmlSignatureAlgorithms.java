package org.familygateway.trust;

import java.util.Map;

/** What the XML Signature algorithm identifiers mean, in the standard names the policy speaks. */
final class XmlSignatureAlgorithms {

    /** Signature method URI to the digest it signs with ("Ed25519" for EdDSA, which has none to choose). */
    private static final Map<String, String> SIGNATURE_DIGESTS = Map.ofEntries(
            Map.entry("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "SHA-1"),
            Map.entry("http://www.w3.org/2000/09/xmldsig#dsa-sha1", "SHA-1"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", "SHA-1"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-md5", "MD5"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha224", "SHA-224"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA-256"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA-384"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA-512"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "SHA-256"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "SHA-384"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "SHA-512"),
            Map.entry("http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519", "Ed25519"));

    private static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmldsig-more#md5", "MD5",
            "http://www.w3.org/2001/04/xmldsig-more#sha224", "SHA-224",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    private XmlSignatureAlgorithms() {
    }

    /** The digest a signature method uses; null for a method the gateway does not know (refused). */
    static String digestOfSignatureMethod(String uri) {
        return SIGNATURE_DIGESTS.get(uri);
    }

    static String digest(String uri) {
        return DIGESTS.get(uri);
    }
}
