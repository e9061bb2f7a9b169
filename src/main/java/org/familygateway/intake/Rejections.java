package org.familygateway.intake;

import java.util.Map;

import org.familygateway.model.Headers;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever stopped a message into the Rejection the sender is told about, puts its reason in
 * the message's headers for the audit and quarantine, and logs one line without personal data.
 */
public final class Rejections {

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private Rejections() {
    }

    /** The Rejection in a cause chain; anything else is the gateway's own failure. */
    public static Rejection from(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Rejection rejection) {
                return rejection;
            }
        }
        LOG.error("internal failure while taking a message in", failure);
        return new Rejection(ReasonCodeType.INTERNAL_ERROR,
                "the gateway could not take the message in (" + (failure == null ? "unknown" : failure.getClass().getSimpleName())
                        + "); send it again later");
    }

    /** Adds the reason to the headers and logs the rejection. */
    public static void describe(Rejection rejection, Map<String, Object> headers) {
        headers.put(Headers.REASON_CODE, rejection.code().value());
        headers.put(Headers.REASON_MESSAGE, rejection.getMessage());
        rejection.location().ifPresent(location -> headers.put(Headers.REASON_LOCATION, location));
        LOG.warn("stopped receipt={} partner={} channel={} reason={}: {}", headers.get(Headers.RECEIPT_ID),
                headers.getOrDefault(Headers.PARTNER_ID, "unknown"), headers.get(Headers.CHANNEL), rejection.code().value(),
                rejection.getMessage());
    }
}
