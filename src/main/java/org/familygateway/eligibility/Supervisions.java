package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.SupervisionKindType;

/**
 * {@code supervision}: a member under probation supervision of the listed kinds on the evaluation
 * date (on licence, post-sentence supervision, a community order or a suspended sentence); a member
 * recalled to prison is no longer supervised in the community.
 */
final class Supervisions implements FactTest {

    @Override
    public Check compile(Settings with) {
        Codes<SupervisionKindType> kinds = with.codes("kinds", SupervisionKindType.class, null);
        return (context, members) -> run(kinds, context, members);
    }

    private static Finding run(Codes<SupervisionKindType> kinds, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (Supervision supervision : context.household().factsAbout(member, Supervision.class)) {
                String line = member.subjectId() + ": " + supervision.summary();
                boolean recalled = supervision.recalled() != null && !supervision.recalled().isAfter(context.on());
                if (!kinds.accepts(supervision.kind())) {
                    findings.miss(line + ": not counted, only " + kinds.describe() + " counts");
                } else if (!supervision.period().openOn(context.on()) || recalled) {
                    findings.miss(line + ": not counted, not supervised in the community on " + Dates.words(context.on()));
                } else {
                    findings.hit(member, line, supervision);
                }
            }
        }
        return findings.build("no member on " + kinds.describe() + " on " + Dates.words(context.on()));
    }
}
