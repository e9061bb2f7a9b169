package org.familygateway.eligibility;

import java.util.List;

/** {@code consent}: a referral recorded the family's consent, and it stands on the evaluation date (not expired, not withdrawn). */
final class Consents implements FactTest {

    @Override
    public Check compile(Settings with) {
        return Consents::run;
    }

    private static Finding run(Context context, List<Member> members) {
        Findings findings = new Findings();
        for (SharingBasis basis : context.household().facts(SharingBasis.class)) {
            if (basis.consentStandsOn(context.on())) {
                findings.hit(null, basis.summary(), basis);
            } else {
                findings.miss(basis.summary() + ": no consent that stands on " + Dates.words(context.on()));
            }
        }
        return findings.build("no consent recorded");
    }
}
