package org.familygateway.intake;

import java.time.Duration;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/** Not taken for now: the family team's queue is at its bound. The receipt says RETRY_LATER. */
public final class GatewayBusy extends Rejection {

    private final Duration retryAfter;

    public GatewayBusy(Duration retryAfter) {
        super(ReasonCodeType.GATEWAY_BUSY, "the gateway is at capacity (the family team's queue is full); nothing was kept: send "
                + "the message again in " + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
