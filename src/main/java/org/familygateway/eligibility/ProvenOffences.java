package org.familygateway.eligibility;

import java.time.LocalDate;

/**
 * {@code proven_offence}: a member with an offence proven by a conviction or an out-of-court disposal,
 * of an age, in a window. The age and the window each have two readings in the documents (seeds
 * analysis A-N1, A-N2), so both anchors are settings.
 */
final class ProvenOffences implements FactTest {

    enum OffenderAge { UNDER_18, ADULT, ANY }

    enum AgeAnchor { OFFENCE_DATE, EVALUATION_DATE }

    enum WindowDate { DISPOSAL_DATE, OFFENCE_DATE }

    enum ProvenBy { ANY_DISPOSAL, CONVICTION_ONLY }

    private record Rule(OffenderAge age, AgeAnchor anchor, Integer months, WindowDate windowDate, ProvenBy provenBy,
                        Codes<String> categories, boolean sexualOnly) {
    }

    @Override
    public Check compile(Settings with) {
        Rule rule = new Rule(with.one("offender_age", OffenderAge.class, OffenderAge.ANY),
                with.one("age_anchor", AgeAnchor.class, AgeAnchor.OFFENCE_DATE),
                with.months("within_months"),
                with.one("window_date", WindowDate.class, WindowDate.DISPOSAL_DATE),
                with.one("proven_by", ProvenBy.class, ProvenBy.ANY_DISPOSAL),
                with.words("categories"),
                with.flag("sexual_offences_only", false));
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, Iterable<Member> members) {
        Findings findings = new Findings();
        for (Member member : members) {
            for (Offence offence : context.household().factsAbout(member, Offence.class)) {
                String why = whyNot(rule, context, member, offence);
                String line = member.subjectId() + ": " + Words.of(offence.disposal()) + " on " + Dates.words(offence.disposalDate())
                        + " for an offence on " + Dates.words(offence.offenceDate()) + ", aged " + ageAtOffence(member, offence) + " at the offence";
                if (why == null) {
                    findings.hit(member, line, offence);
                } else {
                    findings.miss(line + ": not counted, " + why);
                }
            }
        }
        return findings.build("no proven offence by " + describe(rule) + " " + context.window(rule.months()));
    }

    private static String whyNot(Rule rule, Context context, Member member, Offence offence) {
        LocalDate dated = rule.windowDate() == WindowDate.DISPOSAL_DATE ? offence.disposalDate() : offence.offenceDate();
        int age = rule.anchor() == AgeAnchor.OFFENCE_DATE ? ageAtOffence(member, offence) : member.ageOn(context.on());
        if (offence.disposalDate().isAfter(context.on())) {
            return "as it was proven after the evaluation date";
        }
        if (!context.within(dated, rule.months())) {
            return "as the " + Words.of(rule.windowDate()) + " " + context.outside(dated, rule.months());
        }
        if (rule.age() == OffenderAge.UNDER_18 && age >= 18 || rule.age() == OffenderAge.ADULT && age < 18) {
            return "as the person was " + age + " on the " + Words.of(rule.anchor());
        }
        if (rule.provenBy() == ProvenBy.CONVICTION_ONLY && !offence.conviction()) {
            return "as only convictions count here";
        }
        if (!rule.categories().accepts(offence.category().toUpperCase())) {
            return "as " + offence.category().toLowerCase().replace('_', ' ') + " is not one of the offences listed (" + rule.categories().describe() + ")";
        }
        if (rule.sexualOnly() && !offence.sexual()) {
            return "as it is not a sexual offence";
        }
        return null;
    }

    private static int ageAtOffence(Member member, Offence offence) {
        return offence.ageAtOffence() != null ? offence.ageAtOffence() : Dates.age(member.born(), offence.offenceDate());
    }

    private static String describe(Rule rule) {
        return switch (rule.age()) {
            case UNDER_18 -> "a member under 18";
            case ADULT -> "an adult member";
            case ANY -> "any member";
        };
    }
}
