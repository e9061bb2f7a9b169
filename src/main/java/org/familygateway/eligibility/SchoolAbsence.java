package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.eligibility.AbsenceRate.Averaging;
import org.familygateway.eligibility.AbsenceRate.Measure;
import org.familygateway.eligibility.AbsenceRate.TermSessions;

/**
 * {@code school_absence}: a child whose absence over the last terms is at or above a percentage of
 * possible sessions. Only main registrations count (a dual-registered pupil's sessions once); a term
 * with no return is missing evidence, not zero absence.
 */
final class SchoolAbsence implements FactTest {

    private record Rule(Measure measure, BigDecimal percent, Averaging averaging, int terms, TermWindow window, int minimumTerms) {
    }

    @Override
    public Check compile(Settings with) {
        int terms = with.count("terms", 3);
        Rule rule = new Rule(with.one("measure", Measure.class, null), with.percent("at_least_percent"),
                with.one("averaging", Averaging.class, Averaging.AGGREGATE), terms,
                with.one("term_window", TermWindow.class, TermWindow.COMPLETED), with.count("min_terms_with_data", terms));
        if (rule.terms() < 1 || rule.minimumTerms() < 1 || rule.minimumTerms() > rule.terms()) {
            throw with.fail("min_terms_with_data", "needs between 1 and the number of terms (" + rule.terms() + ")");
        }
        return (context, members) -> run(rule, context, members);
    }

    private static Finding run(Rule rule, Context context, List<Member> members) {
        List<Term> window = context.calendar().lastTerms(context.on(), rule.terms(), rule.window());
        Fraction threshold = Fraction.percent(rule.percent());
        Findings findings = new Findings();
        for (Member member : members) {
            List<Attendance> returns = new ArrayList<>();
            List<TermSessions> sessions = sessions(rule, context, member, window, returns);
            if (sessions.isEmpty()) {
                continue;
            }
            if (sessions.size() < rule.minimumTerms()) {
                String missing = Words.list(window.stream().filter(t -> sessions.stream().noneMatch(s -> s.term().equals(t))).map(Term::label).toList());
                findings.gap(member.subjectId() + ": no attendance return for " + missing + ", so absence over the last "
                        + rule.terms() + " terms cannot be worked out");
                findings.miss(member.subjectId() + ": attendance returns for only " + sessions.size() + " of the last " + rule.terms() + " terms");
                continue;
            }
            Fraction rate = AbsenceRate.rate(sessions, rule.averaging());
            String line = member.subjectId() + ": " + AbsenceRate.describe(sessions, rule.averaging(), rule.measure(), rate);
            if (rate.compareTo(threshold) >= 0) {
                findings.hit(member, line, returns);
            } else {
                findings.miss(line + ", below " + rule.percent().toPlainString() + "%");
            }
        }
        return findings.build("no attendance returns for the last " + rule.terms() + " terms ("
                + Words.list(window.stream().map(Term::label).toList()) + ")");
    }

    /** The member's sessions term by term, oldest first; terms without a main-registration return are left out. */
    private static List<TermSessions> sessions(Rule rule, Context context, Member member, List<Term> window, List<Attendance> used) {
        List<TermSessions> sessions = new ArrayList<>();
        for (int i = window.size() - 1; i >= 0; i--) {
            Term term = window.get(i);
            long possible = 0;
            long absent = 0;
            for (Attendance attendance : context.household().factsAbout(member, Attendance.class)) {
                if (attendance.mainRegistration() && attendance.term().equals(term)) {
                    possible += attendance.possible();
                    absent += attendance.unauthorised() + (rule.measure() == Measure.OVERALL ? attendance.authorised() : 0);
                    used.add(attendance);
                }
            }
            if (possible > 0) {
                sessions.add(new TermSessions(term, possible, absent));
            }
        }
        return sessions;
    }
}
