package org.familygateway.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous subject ids: a keyed hash (HMAC-SHA256) of an identifier, so that logs and the audit
 * can say "the same person" without saying who. Without the key the pseudonym reveals nothing and
 * cannot be recomputed from a guessed identifier; with it, IG can turn an identifier into its
 * pseudonym to search, without the audit ever storing the identifier.
 */
public final class Pseudonyms {

    /** The kinds of identifier a pseudonym can be made from; the kind is part of the hash input. */
    public enum Kind { PERSON, HOUSEHOLD, UPN, NI_NUMBER, NHS_NUMBER, LOCAL_ID, UPRN }

    private static final int MIN_KEY_BYTES = 32;
    private static final String PREFIX = "ps_";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The pseudonym of an identifier; spaces and letter case do not change it. */
    public String of(Kind kind, String value) {
        String normalised = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((kind.name() + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return PREFIX + base32(digest, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A local id is only unique within the agency system that issued it. */
    public String ofLocalId(String system, String value) {
        return of(Kind.LOCAL_ID, system + "/" + value);
    }

    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
