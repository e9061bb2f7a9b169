package org.familygateway.app;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.familygateway.model.Headers;

/**
 * Only the gateway's own headers (fg..., which hold no personal data), Artemis' duplicate-detection
 * id and the JMS group (a partner id, which orders a partner's messages) travel as JMS properties;
 * protocol headers picked up at intake (HTTP, file) stay behind.
 */
final class GatewayHeadersOnly implements HeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !(name.startsWith("fg") || Headers.DUPLICATE_ID.equals(name) || Headers.GROUP.equals(name));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        return false;
    }
}
