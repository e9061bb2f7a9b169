package org.familygateway.eligibility;

import java.util.List;

import org.familygateway.model.v1.AssessmentKindType;
import org.familygateway.model.v1.SocialCareEpisodeKindType;

/**
 * {@code assessment}: the household has an assessment or plan of the listed kinds (Cumbria: "either
 * an Early Help Assessment or a Statutory Plan"), named in a referral, or, with
 * {@code or_open_social_care}, a statutory plan the gateway knows of from children's services.
 */
final class Assessments implements FactTest {

    private record Rule(Codes<AssessmentKindType> kinds, Codes<SocialCareEpisodeKindType> openEpisodes, Integer months) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("kinds", AssessmentKindType.class, null),
                with.has("or_open_social_care") ? with.codes("or_open_social_care", SocialCareEpisodeKindType.class, null) : null,
                with.months("within_months"));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Assessment assessment : context.household().facts(Assessment.class)) {
            if (!rule.kinds().accepts(assessment.kind())) {
                findings.miss(assessment.summary() + ": not counted, only " + rule.kinds().describe() + " counts");
            } else if (!context.within(assessment.date(), rule.months())) {
                findings.miss(assessment.summary() + ": not counted, it " + context.outside(assessment.date(), rule.months()));
            } else {
                findings.hit(null, assessment.summary(), assessment);
            }
        }
        if (rule.openEpisodes() != null) {
            for (Member member : members) {
                context.household().factsAbout(member, SocialCare.class).stream()
                        .filter(e -> rule.openEpisodes().accepts(e.kind()) && e.episode().openOn(context.on()))
                        .forEach(e -> findings.hit(member, member.subjectId() + ": " + e.summary(), e));
            }
        }
        return findings.build("no " + rule.kinds().describe() + (rule.openEpisodes() == null ? "" : " and no open " + rule.openEpisodes().describe()));
    }
}
