package org.familygateway.intake;

import java.time.Duration;

/**
 * Whether the gateway has room for another message now. When the family team stops consuming, the
 * gateway stops taking new messages (SOAP: a GATEWAY_BUSY fault; SFTP: the upload waits in the
 * inbox) rather than failing what it has already accepted.
 */
public interface Capacity {

    boolean hasRoom();

    /** How long a partner is told to wait before sending again. */
    Duration retryAfter();

    /** No bound at all (tools and tests that need none). */
    static Capacity unbounded() {
        return new Capacity() {
            @Override
            public boolean hasRoom() {
                return true;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ZERO;
            }
        };
    }
}
