package org.familygateway.intake;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a SOAP request at once, before any signature or schema work, while the gateway has no room
 * for it (GATEWAY_BUSY, with the retry hint); SoapFaults answers.
 */
final class RoomCheck extends AbstractPhaseInterceptor<Message> {

    private final Capacity capacity;

    RoomCheck(Capacity capacity) {
        super(Phase.RECEIVE);
        addAfter(CaptureRequest.class.getName());
        this.capacity = capacity;
    }

    @Override
    public void handleMessage(Message message) {
        if (!capacity.hasRoom()) {
            throw new GatewayBusy(capacity.retryAfter());
        }
    }
}
