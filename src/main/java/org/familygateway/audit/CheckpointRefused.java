package org.familygateway.audit;

/** A checkpoint that cannot be trusted: not signed by the gateway, altered, or not a checkpoint. */
public final class CheckpointRefused extends RuntimeException {

    public CheckpointRefused(String message) {
        super(message);
    }
}
