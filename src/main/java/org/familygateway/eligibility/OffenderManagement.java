package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.OffenderSchemeType;

/** {@code offender_management}: a member managed under one of the listed offender management schemes on the evaluation date. */
final class OffenderManagement implements FactTest {

    @Override
    public Check compile(Settings with) {
        Codes<OffenderSchemeType> schemes = with.codes("schemes", OffenderSchemeType.class, null);
        return (context, members) -> run(schemes, context, members);
    }

    private static Finding run(Codes<OffenderSchemeType> schemes, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (OffenderScheme scheme : context.household().factsAbout(member, OffenderScheme.class)) {
                String line = member.subjectId() + ": " + scheme.summary();
                if (!schemes.accepts(scheme.scheme())) {
                    findings.miss(line + ": not counted, only " + schemes.describe() + " counts");
                } else if (!scheme.period().openOn(context.on())) {
                    findings.miss(line + ": not counted, not managed on " + Dates.words(context.on()));
                } else {
                    findings.hit(member, line, scheme);
                }
            }
        }
        return findings.build("no member managed under " + schemes.describe() + " on " + Dates.words(context.on()));
    }
}
