package org.familygateway.eligibility;

import java.util.List;
import java.util.Set;

import org.familygateway.model.v1.BenefitKindType;
import org.familygateway.model.v1.UcRegimeType;

/**
 * {@code out_of_work_benefit}: a member with a claim open on the evaluation date to one of the listed
 * out-of-work benefits, or to Universal Credit where the rule counts it ("claiming Universal Credit
 * and subject to work related conditions"). Nottinghamshire's Carer's Allowance exceptions can be
 * honoured: a claim with an exception recorded, or by a carer in work, does not count on its own.
 */
final class OutOfWorkBenefits implements FactTest {

    enum UniversalCredit { NEVER, WITH_WORK_RELATED_CONDITIONS }

    enum CarerExceptions { IGNORED, HONOURED }

    private static final Set<UcRegimeType> WORK_RELATED = Set.of(UcRegimeType.ALL_WORK_RELATED_REQUIREMENTS,
            UcRegimeType.WORK_PREPARATION, UcRegimeType.WORK_FOCUSED_INTERVIEW);

    private record Rule(Codes<BenefitKindType> benefits, UniversalCredit universalCredit, CarerExceptions carerExceptions) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.codes("benefits", BenefitKindType.class, null),
                with.one("universal_credit", UniversalCredit.class, UniversalCredit.NEVER),
                with.one("carer_exceptions", CarerExceptions.class, CarerExceptions.IGNORED));
        if (rule.benefits().isAny() || rule.benefits().accepts(BenefitKindType.UNIVERSAL_CREDIT)) {
            throw with.fail("benefits", "list the out-of-work benefits by name, and say how Universal Credit counts with universal_credit");
        }
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            List<Benefit> open = context.household().factsAbout(member, Benefit.class).stream()
                    .filter(b -> b.spell().openOn(context.on())).toList();
            List<Benefit> counted = open.stream().filter(b -> counts(rule, b, findings, member)).toList();
            boolean inWork = context.household().factsAbout(member, Employment.class).stream().anyMatch(e -> e.period().openOn(context.on()));
            List<Benefit> kept = rule.carerExceptions() == CarerExceptions.HONOURED
                    ? counted.stream().filter(b -> !excepted(b, inWork)).toList() : counted;
            if (kept.isEmpty() && !counted.isEmpty()) {
                findings.miss(member.subjectId() + ": carer's allowance only, and an exception applies ("
                        + (counted.get(0).carerException() == null ? "in work" : Words.of(counted.get(0).carerException())) + ")");
            } else if (!kept.isEmpty()) {
                findings.hit(member, member.subjectId() + ": " + Words.list(kept.stream().map(Benefit::summary).toList()), kept);
            }
        }
        return findings.build("no adult with an open claim to " + rule.benefits().describe()
                + (rule.universalCredit() == UniversalCredit.NEVER ? "" : " or Universal Credit with work-related conditions")
                + " on " + Dates.words(context.on()));
    }

    /** "Families where adult(s) are in work but also get a carer's allowance", or an exception a practitioner recorded. */
    private static boolean excepted(Benefit benefit, boolean inWork) {
        return benefit.benefit() == BenefitKindType.CARERS_ALLOWANCE && (benefit.carerException() != null || inWork);
    }

    private static boolean counts(Rule rule, Benefit benefit, Findings findings, Member member) {
        if (benefit.benefit() != BenefitKindType.UNIVERSAL_CREDIT) {
            if (!rule.benefits().accepts(benefit.benefit())) {
                findings.miss(member.subjectId() + ": " + benefit.summary() + ": not one of the benefits listed");
                return false;
            }
            return true;
        }
        if (rule.universalCredit() == UniversalCredit.NEVER) {
            findings.miss(member.subjectId() + ": " + benefit.summary() + ": Universal Credit does not count under this rule set");
            return false;
        }
        if (benefit.ucRegime() == null) {
            findings.gap(member.subjectId() + ": the Universal Credit conditionality regime was not given");
            return false;
        }
        if (!WORK_RELATED.contains(benefit.ucRegime())) {
            findings.miss(member.subjectId() + ": " + benefit.summary() + ": not subject to work-related conditions");
            return false;
        }
        return true;
    }
}
