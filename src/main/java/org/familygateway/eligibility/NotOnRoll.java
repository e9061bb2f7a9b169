package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.NotOnRollKindType;

/**
 * {@code not_on_roll}: a child on no school roll on the evaluation date, of the listed kinds
 * (missing education; educated at home).
 */
final class NotOnRoll implements FactTest {

    @Override
    public Check compile(Settings with) {
        Codes<NotOnRollKindType> kinds = with.codes("kinds", NotOnRollKindType.class, Codes.any());
        return (context, members) -> run(kinds, context, members);
    }

    private static Finding run(Codes<NotOnRollKindType> kinds, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (OffRoll offRoll : context.household().factsAbout(member, OffRoll.class)) {
                String line = member.subjectId() + ": " + offRoll.summary();
                if (!kinds.accepts(offRoll.kind())) {
                    findings.miss(line + ": not counted, only " + kinds.describe() + " counts");
                } else if (!offRoll.period().openOn(context.on())) {
                    findings.miss(line + ": not counted, not on " + Dates.words(context.on()));
                } else {
                    findings.hit(member, line, offRoll);
                }
            }
        }
        return findings.build("no child off a school roll (" + kinds.describe() + ") on " + Dates.words(context.on()));
    }
}
