package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.ExclusionKindType;

/**
 * {@code fixed_term_exclusions}: a child with at least a number of exclusion episodes that started in
 * the last terms ("three or more fixed term exclusions over the last three consecutive terms").
 * An episode counts once, in the term it started; a reinstated or withdrawn one does not count.
 */
final class FixedTermExclusions implements FactTest {

    private record Rule(int atLeast, Codes<ExclusionKindType> kinds, int terms, TermWindow window) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.count("at_least", 1), with.codes("kinds", ExclusionKindType.class, Codes.of(ExclusionKindType.FIXED_TERM)),
                with.count("terms", 3), with.one("term_window", TermWindow.class, TermWindow.INCLUDING_CURRENT));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        List<Term> terms = context.calendar().lastTerms(context.on(), rule.terms(), rule.window());
        Period span = context.calendar().span(terms, context.on());
        String over = "from " + terms.get(terms.size() - 1).label() + " to " + terms.get(0).label() + " (" + span.describe() + ")";
        Findings findings = new Findings();
        for (Member member : members) {
            List<Exclusion> counted = context.household().factsAbout(member, Exclusion.class).stream()
                    .filter(e -> rule.kinds().accepts(e.kind()) && e.stands())
                    .filter(e -> span.openOn(e.start()))
                    .toList();
            String line = member.subjectId() + ": " + counted.size() + " " + rule.kinds().describe() + " exclusion(s) " + over;
            if (counted.size() >= rule.atLeast()) {
                findings.hit(member, line, counted);
            } else if (!counted.isEmpty()) {
                findings.miss(line + "; " + rule.atLeast() + " are needed");
            }
        }
        return findings.build("fewer than " + rule.atLeast() + " " + rule.kinds().describe() + " exclusions for any child " + over);
    }
}
