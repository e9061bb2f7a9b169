package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.HomelessnessDecisionKindType;

/** {@code homelessness_decision}: a homelessness decision of the listed kinds about a member, in the window. */
final class HomelessnessDecisions implements FactTest {

    private record Rule(Codes<HomelessnessDecisionKindType> decisions, Integer months) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("decisions", HomelessnessDecisionKindType.class, null), with.months("within_months"));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (Homelessness decision : context.household().factsAbout(member, Homelessness.class)) {
                String line = member.subjectId() + ": " + decision.summary();
                if (!rule.decisions().accepts(decision.decision())) {
                    findings.miss(line + ": not counted, only " + rule.decisions().describe() + " counts");
                } else if (!context.within(decision.decisionDate(), rule.months())) {
                    findings.miss(line + ": not counted, it " + context.outside(decision.decisionDate(), rule.months()));
                } else {
                    findings.hit(member, line, decision);
                }
            }
        }
        return findings.build("no homelessness decision (" + rule.decisions().describe() + ") " + context.window(rule.months()));
    }
}
