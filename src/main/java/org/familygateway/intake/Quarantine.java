package org.familygateway.intake;

import java.util.Map;

/** Keeps a rejected message, as received, with its reason; it is audited there. */
@FunctionalInterface
public interface Quarantine {

    void keep(byte[] asReceived, Map<String, Object> headers);
}
