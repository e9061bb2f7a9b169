package org.familygateway.audit;

import java.time.Instant;

/**
 * The tree's size and root at a moment, as the gateway signed them. {@code signed} is the CMS
 * SignedData (DER) holding the checkpoint note; it is what IG keeps elsewhere and what counts.
 */
public record Checkpoint(long size, byte[] root, Instant signedAt, byte[] signed) {

    public String rootHex() {
        return TreeHash.hex(root);
    }
}
