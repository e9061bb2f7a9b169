package org.familygateway.intake;

import org.apache.camel.Exchange;

/** Route step for rejections: the reason goes into the headers (for audit and quarantine) and the log. */
public final class RejectedMessages {

    public void describe(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Rejections.describe(Rejections.from(failure), exchange.getIn().getHeaders());
    }
}
