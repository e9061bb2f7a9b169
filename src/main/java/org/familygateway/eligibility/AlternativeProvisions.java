package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.ProvisionKindType;
import org.familygateway.model.v1.ProvisionReasonType;

/**
 * {@code alternative_provision}: a child placed, on the evaluation date, in a pupil referral unit,
 * short stay school or other alternative provision for one of the listed reasons ("due to previous
 * exclusion" nationally, "for behaviour problems" in Nottinghamshire).
 */
final class AlternativeProvisions implements FactTest {

    private record Rule(Codes<ProvisionKindType> kinds, Codes<ProvisionReasonType> reasons) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("kinds", ProvisionKindType.class, Codes.any()), with.codes("reasons", ProvisionReasonType.class, null));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (Provision provision : context.household().factsAbout(member, Provision.class)) {
                String line = member.subjectId() + ": " + provision.summary();
                if (!rule.kinds().accepts(provision.kind()) || !rule.reasons().accepts(provision.reason())) {
                    findings.miss(line + ": not counted, the reasons that count are " + rule.reasons().describe());
                } else if (!provision.placement().openOn(context.on())) {
                    findings.miss(line + ": not counted, not placed there on " + Dates.words(context.on()));
                } else {
                    findings.hit(member, line, provision);
                }
            }
        }
        return findings.build("no child placed in alternative provision for " + rule.reasons().describe() + " on " + Dates.words(context.on()));
    }
}
