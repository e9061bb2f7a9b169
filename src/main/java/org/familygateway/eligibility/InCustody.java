package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.CustodyKindType;

/**
 * {@code in_custody}: a member in prison on the evaluation date; with {@code release_within_months},
 * only one "less than 12 months from release date".
 */
final class InCustody implements FactTest {

    private record Rule(Codes<CustodyKindType> kinds, Integer releaseWithinMonths) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("kinds", CustodyKindType.class, Codes.any()), with.months("release_within_months"));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (Custody custody : context.household().factsAbout(member, Custody.class)) {
                String line = member.subjectId() + ": " + custody.summary();
                if (!rule.kinds().accepts(custody.kind()) || !custody.inPrisonOn(context.on())) {
                    findings.miss(line + ": not counted, not in prison (" + rule.kinds().describe() + ") on " + Dates.words(context.on()));
                } else if (rule.releaseWithinMonths() == null) {
                    findings.hit(member, line, custody);
                } else if (custody.expectedRelease() == null) {
                    findings.gap(member.subjectId() + ": the expected release date was not given");
                    findings.miss(line + ": the expected release date is not known");
                } else if (custody.expectedRelease().isBefore(context.on().plusMonths(rule.releaseWithinMonths()))) {
                    findings.hit(member, line + ", less than " + rule.releaseWithinMonths() + " months from release", custody);
                } else {
                    findings.miss(line + ": not counted, release is " + rule.releaseWithinMonths() + " months or more away");
                }
            }
        }
        return findings.build("no member in prison" + (rule.releaseWithinMonths() == null ? ""
                : " less than " + rule.releaseWithinMonths() + " months from release") + " on " + Dates.words(context.on()));
    }
}
