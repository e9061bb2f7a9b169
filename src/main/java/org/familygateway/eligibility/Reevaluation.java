package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * For the scheduled re-evaluation: when could a household's decision change without new evidence,
 * because evidence ages into or out of a window, a term ends, or a member has a birthday? The
 * candidate days come from the evidence and the rule set's windows; each is then evaluated, so the
 * answer is the first day the decision really changes, not a guess.
 */
public final class Reevaluation {

    private static final int OLDEST_AGE_IN_ANY_RULE = 25;

    private Reevaluation() {
    }

    /** The first day after {@code from}, up to and including {@code until}, on which the decision differs from the one on {@code from}. */
    public static Optional<LocalDate> nextChange(RuleSet rules, Household household, LocalDate from, LocalDate until) {
        Decision before = Evaluator.evaluate(rules, household, from);
        for (LocalDate day : candidates(rules, household, from, until)) {
            if (!Evaluator.evaluate(rules, household, day).sameAs(before)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Whether the decision on {@code to} may differ from the one on {@code from} as evidence ages (the scheduler's question). */
    public static boolean mayChange(RuleSet rules, Household household, LocalDate from, LocalDate to) {
        return !Evaluator.evaluate(rules, household, from).sameAs(Evaluator.evaluate(rules, household, to))
                || nextChange(rules, household, from, to).isPresent();
    }

    /**
     * Every day in (from, until] on which some window could open or close: a dated fact entering a
     * window or leaving it (its date, and its date plus each window of months, and the day after),
     * a date minus each window (for "less than 12 months from release"), a term starting or ending,
     * and each birthday and 1 September (ages and year groups).
     */
    static SortedSet<LocalDate> candidates(RuleSet rules, Household household, LocalDate from, LocalDate until) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (LocalDate date : household.dates()) {
            days.add(date);
            days.add(date.plusDays(1));
            for (int months : rules.monthWindows()) {
                days.add(date.plusMonths(months));
                days.add(date.plusMonths(months).plusDays(1));
                days.add(date.minusMonths(months));
                days.add(date.minusMonths(months).plusDays(1));
            }
        }
        household.members().forEach(m -> {
            for (int age = 1; age <= OLDEST_AGE_IN_ANY_RULE; age++) {
                days.add(m.born().plusYears(age));
            }
        });
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            days.add(LocalDate.of(year, 9, 1));
        }
        rules.calendar().windowsBetween(from, until).forEach(w -> {
            days.add(w.from());
            days.add(w.to());
            days.add(w.to().plusDays(1));
        });
        return days.subSet(from.plusDays(1), until.plusDays(1));
    }
}
