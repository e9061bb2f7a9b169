package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.SocialCareEpisodeKindType;

/**
 * {@code social_care}: a member with an episode of early help, child in need, s47 enquiry, child
 * protection plan or care of the listed kinds: open on the evaluation date, started in the window,
 * or overlapping it ("an episode in LA care in the last 12 months").
 */
final class SocialCareEpisodes implements FactTest {

    enum Status { OPEN_ON_DATE, STARTED_IN_WINDOW, OVERLAPS_WINDOW }

    private record Rule(Codes<SocialCareEpisodeKindType> kinds, Status status, Integer months, Codes<String> reasons) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("kinds", SocialCareEpisodeKindType.class, null),
                with.one("status", Status.class, Status.OPEN_ON_DATE), with.months("within_months"), with.words("reasons"));
        if (rule.status() != Status.OPEN_ON_DATE && rule.months() == null) {
            throw with.fail("within_months", "status " + rule.status() + " needs within_months");
        }
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (SocialCare episode : context.household().factsAbout(member, SocialCare.class)) {
                if (!rule.kinds().accepts(episode.kind())) {
                    continue;
                }
                String line = member.subjectId() + ": " + episode.summary();
                if (!rule.reasons().accepts(episode.reason() == null ? null : episode.reason().toUpperCase())) {
                    findings.miss(line + ": not counted, the reasons that count are " + rule.reasons().describe());
                } else if (!inWindow(rule, context, episode.episode())) {
                    findings.miss(line + ": not counted, not " + when(rule, context));
                } else {
                    findings.hit(member, line, episode);
                }
            }
        }
        return findings.build("no " + rule.kinds().describe() + " episode " + when(rule, context));
    }

    private static boolean inWindow(Rule rule, Context context, Period episode) {
        return switch (rule.status()) {
            case OPEN_ON_DATE -> episode.openOn(context.on());
            case STARTED_IN_WINDOW -> context.within(episode.from(), rule.months());
            case OVERLAPS_WINDOW -> episode.overlapsAfter(context.on().minusMonths(rule.months()), context.on());
        };
    }

    private static String when(Rule rule, Context context) {
        return rule.status() == Status.OPEN_ON_DATE ? "open on " + Dates.words(context.on())
                : (rule.status() == Status.STARTED_IN_WINDOW ? "started " : "open at some point ") + context.window(rule.months());
    }
}
