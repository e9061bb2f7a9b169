package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * Which members of the household a fact test looks at, on the evaluation date. Written in a rule
 * file as a word ({@code who: child}) or with age limits ({@code who: {of: child, age_under: 5}}).
 */
record Who(Kind kind, Integer ageAtLeast, Integer ageUnder, Integer academicAge) {

    /** The members a test can be about. */
    enum Kind {
        ANYONE, CHILD, ADULT, PARENT_OR_CARER, ADULT_PARENT_OR_CARER;

        boolean includes(Member member, LocalDate on) {
            return switch (this) {
                case ANYONE -> true;
                case CHILD -> member.childOn(on);
                case ADULT -> !member.childOn(on);
                case PARENT_OR_CARER -> member.parentOrCarer();
                case ADULT_PARENT_OR_CARER -> !member.childOn(on) && member.parentOrCarer();
            };
        }
    }

    static final Who ANYONE = new Who(Kind.ANYONE, null, null, null);

    static Who read(Node node) {
        if (node.json().isTextual()) {
            return new Who(node.choice(Kind.class), null, null, null);
        }
        node.only("of", "age_at_least", "age_under", "academic_age");
        return new Who(node.maybe("of").map(n -> n.choice(Kind.class)).orElse(Kind.ANYONE),
                node.maybe("age_at_least").map(Node::integer).orElse(null),
                node.maybe("age_under").map(Node::integer).orElse(null),
                node.maybe("academic_age").map(Node::integer).orElse(null));
    }

    List<Member> select(Household household, LocalDate on) {
        return household.members().stream().filter(m -> includes(m, on)).toList();
    }

    private boolean includes(Member member, LocalDate on) {
        int age = member.ageOn(on);
        return kind.includes(member, on)
                && (ageAtLeast == null || age >= ageAtLeast)
                && (ageUnder == null || age < ageUnder)
                && (academicAge == null || member.academicAgeOn(on) == academicAge);
    }

    String describe() {
        String who = Words.of(kind);
        if (ageAtLeast != null) {
            who += " aged " + ageAtLeast + " or over";
        }
        if (ageUnder != null) {
            who += " under " + ageUnder;
        }
        if (academicAge != null) {
            who += " of academic age " + academicAge;
        }
        return who;
    }
}
