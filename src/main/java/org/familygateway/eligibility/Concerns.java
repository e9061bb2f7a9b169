package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.List;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.ConcernDomainType;

/**
 * {@code concern}: a professional's concern about a member, where a rule accepts one in place of
 * threshold data ("Child referred by Professionals as having problems of equivalent concern"): a
 * concern coded in a referral, or a professional concern shared as a record, raised by the listed
 * agencies in the window. A concern is a claim, so only rules that say so count it.
 */
final class Concerns implements FactTest {

    private record Rule(Codes<ConcernCodeType> referralCodes, Codes<ConcernDomainType> domains, Codes<AgencyKindType> raisedBy,
                        Integer months) {
    }

    @Override
    public Check compile(Settings with) {
        boolean referral = with.has("referral_codes");
        boolean professional = with.has("professional_domains");
        Rule rule = new Rule(referral ? with.codes("referral_codes", ConcernCodeType.class, null) : null,
                professional ? with.codes("professional_domains", ConcernDomainType.class, null) : null,
                with.codes("raised_by", AgencyKindType.class, Codes.any()), with.months("within_months"));
        if (!referral && !professional) {
            throw with.fail("referral_codes", "a concern test needs referral_codes, professional_domains or both");
        }
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (Fact concern : concerns(rule, context, member)) {
                String line = member.subjectId() + ": " + concern.summary() + " (" + Words.of(concern.source().agency()) + ")";
                if (!rule.raisedBy().accepts(concern.source().agency())) {
                    findings.miss(line + ": not counted, only concerns raised by " + rule.raisedBy().describe() + " count");
                } else if (!context.within(concern.date(), rule.months())) {
                    findings.miss(line + ": not counted, it " + context.outside(concern.date(), rule.months()));
                } else {
                    findings.hit(member, line, concern);
                }
            }
        }
        return findings.build("no concern of this kind raised" + (rule.raisedBy().isAny() ? "" : " by " + rule.raisedBy().describe())
                + " " + context.window(rule.months()));
    }

    private static List<Fact> concerns(Rule rule, Context context, Member member) {
        List<Fact> concerns = new ArrayList<>();
        if (rule.referralCodes() != null) {
            context.household().factsAbout(member, ReferralConcern.class).stream()
                    .filter(c -> rule.referralCodes().accepts(c.code())).forEach(concerns::add);
        }
        if (rule.domains() != null) {
            context.household().factsAbout(member, ProfessionalConcern.class).stream()
                    .filter(c -> rule.domains().accepts(c.domain())).forEach(concerns::add);
        }
        return concerns;
    }
}
