package org.familygateway.agreement;

/** Where an agreement stands. Only an active agreement, within its dates, lets anything through. */
public enum AgreementStatus {
    ACTIVE,
    /** Paused, e.g. during a breach investigation: nothing is taken until it is resumed. */
    SUSPENDED,
    /** Over for good: ended early, or replaced. */
    ENDED;

    /** The stricter of two statuses: a file and a command each can stop an agreement, neither can revive it alone. */
    AgreementStatus stricter(AgreementStatus other) {
        return other == null || ordinal() >= other.ordinal() ? this : other;
    }
}
