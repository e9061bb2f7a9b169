package org.familygateway.trust;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * Which keys, signatures and digests the gateway accepts: by default RSA of 2048 bits or more,
 * ECDSA on P-256 or P-384, Ed25519, and SHA-256 or stronger. SHA-1, MD5 and RSA-1024 never pass.
 */
public final class AlgorithmPolicy {

    /** Curves by the size of their field, which is how a key reports them. */
    private static final Map<Integer, String> CURVES_BY_BITS = Map.of(256, "P-256", 384, "P-384", 521, "P-521");
    private static final Set<String> NEVER = Set.of("MD2", "MD5", "SHA-1", "SHA1", "SHA-224");

    private final int minimumRsaBits;
    private final Set<String> curves;
    private final boolean ed25519;
    private final Set<String> digests;

    public AlgorithmPolicy(int minimumRsaBits, Set<String> curves, boolean ed25519, Set<String> digests) {
        if (minimumRsaBits < 2048) {
            throw new IllegalArgumentException("RSA keys under 2048 bits may not be allowed");
        }
        for (String digest : digests) {
            if (NEVER.contains(digest.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException(digest + " may not be allowed");
            }
        }
        this.minimumRsaBits = minimumRsaBits;
        this.curves = Set.copyOf(curves);
        this.ed25519 = ed25519;
        this.digests = Set.copyOf(digests);
    }

    public static AlgorithmPolicy strictDefault() {
        return new AlgorithmPolicy(2048, Set.of("P-256", "P-384"), true, Set.of("SHA-256", "SHA-384", "SHA-512"));
    }

    /** The signer's key must be of an allowed family and size. */
    public void requireKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < minimumRsaBits) {
                throw refused("an RSA key of " + bits + " bits is too short (at least " + minimumRsaBits + " are needed)");
            }
        } else if (key instanceof ECPublicKey ec) {
            String curve = CURVES_BY_BITS.getOrDefault(ec.getParams().getCurve().getField().getFieldSize(), "an unnamed curve");
            if (!curves.contains(curve)) {
                throw refused("ECDSA on " + curve + " is not allowed (allowed: " + curves + ")");
            }
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            if (!ed25519) {
                throw refused("Ed25519 keys are not allowed");
            }
        } else {
            throw refused(key.getAlgorithm() + " keys are not allowed");
        }
    }

    /** A digest by its standard name (SHA-256) must be allowed. */
    public void requireDigest(String digest) {
        if (digest == null || !digests.contains(digest.toUpperCase(Locale.ROOT))) {
            throw refused("the digest " + digest + " is not allowed (allowed: " + digests + ")");
        }
    }

    /** A certificate's own signature (by its issuer) must use an allowed digest. */
    public void requireCertificateSignature(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        if (algorithm.startsWith("ED25519") || algorithm.startsWith("ED448")) {
            return;
        }
        String digest = algorithm.replaceFirst("WITH.*$", "").replaceFirst("^SHA(\\d)", "SHA-$1");
        if (!digests.contains(digest)) {
            throw refused("the certificate is signed with " + certificate.getSigAlgName() + ", which is not allowed");
        }
    }

    private static Rejection refused(String message) {
        return new Rejection(ReasonCodeType.ALGORITHM_NOT_ALLOWED, message);
    }
}
