package org.familygateway.trust;

import java.security.cert.X509Certificate;

/** A verified signature: the partner whose certificate made it. */
public record SignedBy(Partner partner, X509Certificate certificate) {
}
