package org.familygateway.eligibility;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familygateway.model.v1.TermNameType;

/**
 * A school term of an academic year (1 September to 31 August), named like the schema names it:
 * 2012/13 AUTUMN. Terms are numbered 3 × start year + 0, 1, 2, so "consecutive" is plain arithmetic
 * and runs across academic years: summer 2011/12, autumn 2012/13 and spring 2012/13 are consecutive.
 */
public record Term(int startYear, TermNameType name) implements Comparable<Term> {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})/(\\d{2})\\s+(autumn|spring|summer)", Pattern.CASE_INSENSITIVE);

    public Term {
        Objects.requireNonNull(name, "name");
    }

    /** Reads "2012/13 autumn" (any case), the way household files and rule files write a term. */
    public static Term parse(String text) {
        Matcher m = LABEL.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a term: write it like 2012/13 autumn");
        }
        return of(m.group(1) + "/" + m.group(2), TermNameType.valueOf(m.group(3).toUpperCase(Locale.UK)));
    }

    /** From the schema's two fields, checking that the academic year runs on (2012/13, not 2012/14). */
    public static Term of(String academicYear, TermNameType name) {
        int start = Integer.parseInt(academicYear.substring(0, 4));
        int end = Integer.parseInt(academicYear.substring(5, 7));
        if ((start + 1) % 100 != end) {
            throw new IllegalArgumentException("academic year " + academicYear + " does not run on from one year to the next");
        }
        return new Term(start, name);
    }

    static Term ofIndex(int index) {
        return new Term(Math.floorDiv(index, 3), TermNameType.values()[Math.floorMod(index, 3)]);
    }

    int index() {
        return 3 * startYear + position();
    }

    private int position() {
        return switch (name) {
            case AUTUMN -> 0;
            case SPRING -> 1;
            case SUMMER -> 2;
        };
    }

    Term previous() {
        return ofIndex(index() - 1);
    }

    Term next() {
        return ofIndex(index() + 1);
    }

    public String label() {
        return Words.of(name) + " " + startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    @Override
    public int compareTo(Term other) {
        return Integer.compare(index(), other.index());
    }
}
