package org.familygateway.audit;

import java.time.Instant;

import org.familygateway.trust.ReceiptSigner;

/** Signs checkpoints with the gateway's receipt-signing key, so {@code openssl cms -verify} checks them too. */
public final class CheckpointSigner {

    private final ReceiptSigner signer;

    public CheckpointSigner(ReceiptSigner signer) {
        this.signer = signer;
    }

    Checkpoint sign(long size, byte[] root, Instant time) {
        return new Checkpoint(size, root, time, signer.sign(CheckpointNote.text(size, root, time)));
    }

    /** Who checks what this signer signs: the same certificate, pinned. */
    public CheckpointVerifier verifier() {
        return new CheckpointVerifier(signer.certificate());
    }
}
