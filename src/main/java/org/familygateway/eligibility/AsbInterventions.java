package org.familygateway.eligibility;

import org.familygateway.model.v1.AsbInterventionKindType;

/**
 * {@code asb_intervention}: a member subject to an anti-social behaviour intervention of the listed
 * kinds (or any housing-related one) in the window. Whether an order made before the window but
 * still in force counts is a reading (seeds analysis A-N6), so it is a setting.
 */
final class AsbInterventions implements FactTest {

    enum WindowMode { OVERLAPS_WINDOW, STARTED_IN_WINDOW }

    private record Rule(Codes<AsbInterventionKindType> kinds, boolean housingRelated, Integer months, WindowMode mode) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("kinds", AsbInterventionKindType.class, Codes.any()),
                with.flag("or_housing_related", false), with.months("within_months"),
                with.one("window_mode", WindowMode.class, WindowMode.OVERLAPS_WINDOW));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, Iterable<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (AsbAction action : context.household().factsAbout(member, AsbAction.class)) {
                String line = member.subjectId() + ": " + action.summary();
                boolean kind = rule.kinds().accepts(action.kind()) || rule.housingRelated() && action.housingRelated();
                if (!kind) {
                    findings.miss(line + ": not counted, not one of the interventions listed");
                } else if (!inWindow(rule, context, action.period())) {
                    findings.miss(line + ": not counted, not " + context.window(rule.months()));
                } else {
                    findings.hit(member, line, action);
                }
            }
        }
        return findings.build("no anti-social behaviour intervention " + context.window(rule.months()));
    }

    private static boolean inWindow(Rule rule, Context context, Period period) {
        if (rule.months() == null) {
            return !period.from().isAfter(context.on());
        }
        return rule.mode() == WindowMode.STARTED_IN_WINDOW ? context.within(period.from(), rule.months())
                : period.overlapsAfter(context.on().minusMonths(rule.months()), context.on());
    }
}
