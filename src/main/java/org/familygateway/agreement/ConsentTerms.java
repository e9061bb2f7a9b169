package org.familygateway.agreement;

import java.time.Period;
import java.util.Set;

import org.familygateway.model.v1.StatutoryGatewayType;

/**
 * What an agreement asks of a referral's consent. {@code acceptedInstead}: the statutory gateways a
 * referrer may rely on instead of consent (e.g. Children Act 1989 s47 for safeguarding); such a
 * referral goes on but is flagged for IG review. {@code maxAge}: consent without its own expiry
 * date lapses this long after it was given (null: only its own date ends it).
 */
public record ConsentTerms(boolean required, Set<StatutoryGatewayType> acceptedInstead, Period maxAge) {

    public static final ConsentTerms NOT_REQUIRED = new ConsentTerms(false, Set.of(), null);

    public ConsentTerms {
        acceptedInstead = acceptedInstead == null ? Set.of() : Set.copyOf(acceptedInstead);
    }
}
