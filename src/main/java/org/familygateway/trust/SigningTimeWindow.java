package org.familygateway.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.SignerInformation;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * A file's claimed signing time (when it has one) must fall within the replay window: a file signed
 * long ago could be the replay of one whose message id the gateway no longer remembers.
 */
public final class SigningTimeWindow {

    private static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(5);

    private final Duration window;
    private final Clock clock;

    public SigningTimeWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    void require(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return;
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        Instant signed = Time.getInstance(value).getDate().toInstant();
        Instant now = clock.instant();
        if (signed.isAfter(now.plus(FUTURE_ALLOWANCE))) {
            throw new Rejection(ReasonCodeType.TIMESTAMP_INVALID, "the file claims to be signed in the future (" + signed + ")");
        }
        if (signed.isBefore(now.minus(window))) {
            throw new Rejection(ReasonCodeType.TIMESTAMP_INVALID, "the file was signed on " + signed + ", longer ago than the "
                    + window.toDays() + " days the gateway remembers message ids for");
        }
    }
}
