package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.ExclusionKindType;

/**
 * {@code permanent_exclusion}: a child permanently excluded, within the last terms or ever. Whether
 * "over the last three consecutive terms" also limits the permanent exclusion is a reading (seeds
 * analysis A-N5), so it is a setting. The exclusion's start date counts, not a review's.
 */
final class PermanentExclusions implements FactTest {

    enum Window { LAST_TERMS, EVER }

    private record Rule(Window window, int terms, TermWindow termWindow) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.one("window", Window.class, Window.LAST_TERMS), with.count("terms", 3),
                with.one("term_window", TermWindow.class, TermWindow.INCLUDING_CURRENT));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Period span = rule.window() == Window.EVER ? new Period(java.time.LocalDate.MIN, context.on())
                : context.calendar().span(context.calendar().lastTerms(context.on(), rule.terms(), rule.termWindow()), context.on());
        String when = rule.window() == Window.EVER ? "at any time" : "in the last " + rule.terms() + " terms (" + span.describe() + ")";
        Findings findings = new Findings();
        for (Member member : members) {
            for (Exclusion exclusion : context.household().factsAbout(member, Exclusion.class)) {
                if (exclusion.kind() != ExclusionKindType.PERMANENT) {
                    continue;
                }
                String line = member.subjectId() + ": " + exclusion.summary();
                if (!exclusion.stands()) {
                    findings.miss(line + ": not counted, it no longer stands");
                } else if (!span.openOn(exclusion.start())) {
                    findings.miss(line + ": not counted, not " + when);
                } else {
                    findings.hit(member, line, exclusion);
                }
            }
        }
        return findings.build("no permanent exclusion " + when);
    }
}
