package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.IncidentRoleType;

/**
 * {@code domestic_abuse}: a member involved in a domestic abuse incident in one of the listed roles,
 * in the window, of an age on the incident date (Nottinghamshire: "the person has to be 16 years+"),
 * reported by the listed agencies (a police record is a police call-out).
 */
final class DomesticAbuse implements FactTest {

    private record Rule(Codes<IncidentRoleType> roles, Integer months, Integer ageAtLeast, Integer ageUnder,
                        Codes<AgencyKindType> reportedBy) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("roles", IncidentRoleType.class, Codes.any()), with.months("within_months"),
                with.optionalCount("age_at_least"), with.optionalCount("age_under"),
                with.codes("reported_by", AgencyKindType.class, Codes.any()));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (DomesticIncident incident : context.household().factsAbout(member, DomesticIncident.class)) {
                int age = Dates.age(member.born(), incident.incidentDate());
                String line = member.subjectId() + ": " + incident.summary() + ", aged " + age;
                String why = whyNot(rule, context, incident, age);
                if (why == null) {
                    findings.hit(member, line, incident);
                } else {
                    findings.miss(line + ": not counted, " + why);
                }
            }
        }
        return findings.build("no domestic abuse incident (" + rule.roles().describe() + ") " + context.window(rule.months()));
    }

    private static String whyNot(Rule rule, Context context, DomesticIncident incident, int age) {
        if (!rule.roles().accepts(incident.role())) {
            return "the roles that count are " + rule.roles().describe();
        }
        if (!context.within(incident.incidentDate(), rule.months())) {
            return "it " + context.outside(incident.incidentDate(), rule.months());
        }
        if (rule.ageAtLeast() != null && age < rule.ageAtLeast()) {
            return "the person was under " + rule.ageAtLeast() + " on the day";
        }
        if (rule.ageUnder() != null && age >= rule.ageUnder()) {
            return "the person was " + rule.ageUnder() + " or over on the day";
        }
        if (!rule.reportedBy().accepts(incident.source().agency())) {
            return "only records from " + rule.reportedBy().describe() + " count";
        }
        return null;
    }
}
