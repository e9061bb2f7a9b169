package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.GenderType;

/**
 * {@code new_mother}: Nottinghamshire's "new mother who has a mental health or substance misuse
 * problem and other factors associated with poor parenting": a mother in the household with a baby
 * under the age limit, a listed health need open on the evaluation date, and a referral concern of
 * the listed kinds (the other factors).
 */
final class NewMothers implements FactTest {

    private record Rule(int childUnderMonths, Codes<Need> needs, Codes<ConcernCodeType> concerns, Integer months) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.months("child_under_months", 12), with.codes("needs", Need.class, null),
                with.codes("and_concerns", ConcernCodeType.class, null), with.months("within_months"));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        List<Member> babies = context.household().members().stream()
                .filter(m -> !m.born().isAfter(context.on()) && m.born().plusMonths(rule.childUnderMonths()).isAfter(context.on())).toList();
        for (Member mother : members) {
            if (mother.gender() != GenderType.FEMALE || !mother.parentOrCarer()) {
                continue;
            }
            List<HealthNeed> needs = context.household().factsAbout(mother, HealthNeed.class).stream()
                    .filter(n -> rule.needs().accepts(n.need()) && n.known().openOn(context.on())).toList();
            List<ReferralConcern> concerns = context.household().factsAbout(mother, ReferralConcern.class).stream()
                    .filter(c -> rule.concerns().accepts(c.code()) && context.within(c.observedOn(), rule.months())).toList();
            String line = mother.subjectId() + ": " + (babies.isEmpty() ? "no baby under " + rule.childUnderMonths() + " months"
                    : "mother of " + babies.get(0).subjectId() + ", born " + Dates.words(babies.get(0).born()))
                    + "; " + needs.size() + " open " + rule.needs().describe() + " need(s); " + concerns.size() + " concern(s) about " + rule.concerns().describe();
            if (!babies.isEmpty() && !needs.isEmpty() && !concerns.isEmpty()) {
                findings.hit(mother, line, concat(needs, concerns));
            } else if (!needs.isEmpty() || !concerns.isEmpty()) {
                findings.miss(line);
            }
        }
        return findings.build("no mother of a baby under " + rule.childUnderMonths() + " months with a " + rule.needs().describe()
                + " need and a concern about " + rule.concerns().describe());
    }

    private static List<Fact> concat(List<HealthNeed> needs, List<ReferralConcern> concerns) {
        List<Fact> all = new java.util.ArrayList<>(needs);
        all.addAll(concerns);
        return all;
    }
}
