package org.familygateway.app;

import java.time.Duration;

import org.familygateway.intake.Capacity;

/**
 * The gateway has room while the family team's queue and the accepted-but-unprocessed queue are both
 * under their configured bounds (settings: backpressure). The depths are a fraction of a second old,
 * so a burst may overshoot a bound by what arrives in that time; nothing already accepted is refused.
 */
final class QueueBounds implements Capacity {

    private final BrokerQueues queues;
    private final GatewaySettings.Backpressure bounds;

    QueueBounds(BrokerQueues queues, GatewaySettings.Backpressure bounds) {
        this.queues = queues;
        this.bounds = bounds;
    }

    @Override
    public boolean hasRoom() {
        return queues.depth(Queues.CASES) < bounds.casesBound() && queues.depth(Queues.INTAKE) < bounds.intakeBound();
    }

    @Override
    public Duration retryAfter() {
        return bounds.retryAfter();
    }
}
