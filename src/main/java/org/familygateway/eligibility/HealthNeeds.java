package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.HealthServiceType;

/**
 * {@code health_need}: a member with a mental health need, drug or alcohol misuse, or a physical
 * health need known to one of the listed services, open on the evaluation date or at some point in
 * the window.
 */
final class HealthNeeds implements FactTest {

    enum Status { OPEN_ON_DATE, OVERLAPS_WINDOW }

    private record Rule(Codes<Need> needs, Codes<HealthServiceType> services, Status status, Integer months) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("needs", Need.class, null), with.codes("services", HealthServiceType.class, Codes.any()),
                with.one("status", Status.class, Status.OPEN_ON_DATE), with.months("within_months"));
        if (rule.status() == Status.OVERLAPS_WINDOW && rule.months() == null) {
            throw with.fail("within_months", "status OVERLAPS_WINDOW needs within_months");
        }
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (HealthNeed need : context.household().factsAbout(member, HealthNeed.class)) {
                if (!rule.needs().accepts(need.need())) {
                    continue;
                }
                String line = member.subjectId() + ": " + need.summary();
                boolean current = rule.status() == Status.OPEN_ON_DATE ? need.known().openOn(context.on())
                        : need.known().overlapsAfter(context.on().minusMonths(rule.months()), context.on());
                if (!rule.services().accepts(need.service())) {
                    findings.miss(line + ": not counted, only " + rule.services().describe() + " counts");
                } else if (!current) {
                    findings.miss(line + ": not counted, not known " + (rule.months() == null ? "on " + Dates.words(context.on()) : context.window(rule.months())));
                } else {
                    findings.hit(member, line, need);
                }
            }
        }
        return findings.build("no " + rule.needs().describe() + " need known to " + rule.services().describe() + " services");
    }
}
