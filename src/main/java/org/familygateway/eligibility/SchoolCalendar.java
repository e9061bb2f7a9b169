package org.familygateway.eligibility;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.familygateway.model.v1.TermNameType;

/**
 * The English school calendar as the rules need it. Term windows follow the DfE school census
 * convention, so that every school's "term" is the same span of days whatever its own dates:
 * autumn 1 August to 31 December, spring 1 January to Easter Sunday, summer Easter Monday to
 * 31 July. A council may set its own dates for any term.
 */
final class SchoolCalendar {

    static final SchoolCalendar DFE_CENSUS = new SchoolCalendar(Map.of());

    private final Map<Term, Period> ownDates;

    SchoolCalendar(Map<Term, Period> ownDates) {
        this.ownDates = Collections.unmodifiableMap(new TreeMap<>(ownDates));
        this.ownDates.keySet().forEach(this::checkInOrder);
    }

    /** A council's own dates must still leave the terms one after another, or "consecutive" means nothing. */
    private void checkInOrder(Term term) {
        Period own = window(term);
        if (!window(term.previous()).to().isBefore(own.from()) || !own.to().isBefore(window(term.next()).from())) {
            throw new IllegalArgumentException("the dates given for " + term.label() + " (" + own.describe()
                    + ") overlap the term before or after it");
        }
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    Period window(Term term) {
        Period own = ownDates.get(term);
        return own != null ? own : censusWindow(term);
    }

    static Period censusWindow(Term term) {
        int year = term.startYear() + 1;
        return switch (term.name()) {
            case AUTUMN -> new Period(LocalDate.of(term.startYear(), Month.AUGUST, 1), LocalDate.of(term.startYear(), Month.DECEMBER, 31));
            case SPRING -> new Period(LocalDate.of(year, Month.JANUARY, 1), easterSunday(year));
            case SUMMER -> new Period(easterSunday(year).plusDays(1), LocalDate.of(year, Month.JULY, 31));
        };
    }

    /** The census term a day falls in; every day of the year is in exactly one. */
    static Term censusTermOn(LocalDate day) {
        if (day.getMonthValue() >= Month.AUGUST.getValue()) {
            return new Term(day.getYear(), TermNameType.AUTUMN);
        }
        return new Term(day.getYear() - 1, day.isAfter(easterSunday(day.getYear())) ? TermNameType.SUMMER : TermNameType.SPRING);
    }

    /**
     * "The last three consecutive terms" on a day, most recent first. COMPLETED takes the terms that
     * had ended on or before the day (termly figures exist only once a term is over); INCLUDING_CURRENT
     * takes the term under way and the ones before it.
     */
    List<Term> lastTerms(LocalDate day, int count, TermWindow mode) {
        Term term = censusTermOn(day).next().next();
        while (mode == TermWindow.COMPLETED ? window(term).to().isAfter(day) : window(term).from().isAfter(day)) {
            term = term.previous();
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < count; i++, term = term.previous()) {
            terms.add(term);
        }
        return terms;
    }

    /** The first and last day of a run of terms (given most recent first), up to the day evaluated. */
    Period span(List<Term> terms, LocalDate day) {
        LocalDate end = window(terms.get(0)).to();
        return new Period(window(terms.get(terms.size() - 1)).from(), end.isAfter(day) ? day : end);
    }

    /** The term windows starting between two days: where a window of terms moves on. */
    List<Period> windowsBetween(LocalDate from, LocalDate until) {
        List<Period> windows = new ArrayList<>();
        for (Term term = censusTermOn(from).previous(); !window(term).from().isAfter(until); term = term.next()) {
            windows.add(window(term));
        }
        return windows;
    }
}
