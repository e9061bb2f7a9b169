package org.familygateway.agreement;

import java.util.Optional;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * What the consent check decided about a referral: whether it may go on, the basis it goes on under
 * (as the audit records it), whether IG must review it, and, when it is held, why.
 */
public record ConsentDecision(Outcome outcome, String basis, String reason) {

    public enum Outcome {
        /** Valid consent covers the purposes and the family team. */
        CONSENT_VALID,
        /** The agreement does not require consent and the referral carries none to check. */
        CONSENT_NOT_REQUIRED,
        /** A named lawful basis the agreement accepts is relied on instead of consent: IG reviews it. */
        LAWFUL_BASIS_RELIED_ON,
        /** Consent is required and there is none, nor an accepted basis instead: held. */
        MISSING,
        /** The consent given does not hold: held. */
        INVALID
    }

    public boolean goesOn() {
        return outcome != Outcome.MISSING && outcome != Outcome.INVALID;
    }

    /** A basis other than consent is relied on: the case is flagged for information-governance review. */
    public boolean needsIgReview() {
        return outcome == Outcome.LAWFUL_BASIS_RELIED_ON;
    }

    /** The hold as the Rejection the referrer is told about (CONSENT_MISSING or CONSENT_INVALID); empty when it goes on. */
    public Optional<Rejection> rejection() {
        return switch (outcome) {
            case MISSING -> Optional.of(new Rejection(ReasonCodeType.CONSENT_MISSING, reason, "/Referral"));
            case INVALID -> Optional.of(new Rejection(ReasonCodeType.CONSENT_INVALID, reason, "/Referral/Consent"));
            default -> Optional.empty();
        };
    }
}
