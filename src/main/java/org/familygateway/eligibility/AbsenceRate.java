package org.familygateway.eligibility;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Absence over a run of terms, computed from sessions with exact integer arithmetic. AGGREGATE is
 * absent sessions over possible sessions across the terms (how the DfE computes it, so that terms
 * weigh by their length); MEAN_OF_TERMS averages the termly rates. The two can disagree: 100, 160
 * and 140 possible with 25, 16 and 18 missed is 14.75% in aggregate but 15.95% as a mean.
 */
final class AbsenceRate {

    enum Averaging { AGGREGATE, MEAN_OF_TERMS }

    enum Measure { UNAUTHORISED, OVERALL }

    /** One term's sessions: possible, and absent by the measure chosen. */
    record TermSessions(Term term, long possible, long absent) {
        Fraction rate() {
            return Fraction.of(absent, possible);
        }
    }

    private AbsenceRate() {
    }

    static Fraction rate(List<TermSessions> terms, Averaging averaging) {
        if (averaging == Averaging.AGGREGATE) {
            long absent = terms.stream().mapToLong(TermSessions::absent).sum();
            long possible = terms.stream().mapToLong(TermSessions::possible).sum();
            return Fraction.of(absent, possible);
        }
        Fraction sum = Fraction.of(0, 1);
        for (TermSessions term : terms) {
            sum = sum.plus(term.rate());
        }
        return sum.dividedBy(terms.size());
    }

    static String describe(List<TermSessions> terms, Averaging averaging, Measure measure, Fraction rate) {
        String kind = measure == Measure.UNAUTHORISED ? "unauthorised absences" : "absences (authorised and unauthorised)";
        String over = Words.list(terms.stream().map(t -> t.term().label()).toList());
        if (averaging == Averaging.AGGREGATE) {
            long absent = terms.stream().mapToLong(TermSessions::absent).sum();
            long possible = terms.stream().mapToLong(TermSessions::possible).sum();
            return absent + " of " + possible + " possible sessions were " + kind + " (" + rate.asPercent() + ") over " + over;
        }
        String termly = terms.stream().map(t -> t.term().label() + " " + t.absent() + "/" + t.possible() + " = " + t.rate().asPercent())
                .collect(Collectors.joining(", "));
        return "the mean of the termly rates of " + kind + " (" + termly + ") is " + rate.asPercent();
    }
}
