package org.familygateway.eligibility;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a rule file's {@code calendar:}: the council's own dates for any term, replacing the DfE
 * census windows for that term only. Without it the census convention applies.
 */
final class CalendarReader {

    private CalendarReader() {
    }

    static SchoolCalendar read(Node root) {
        Node section = root.maybe("calendar").orElse(null);
        if (section == null) {
            return SchoolCalendar.DFE_CENSUS;
        }
        section.only("terms");
        Map<Term, Period> own = new HashMap<>();
        for (Node node : section.at("terms").items()) {
            node.only("term", "from", "to");
            Term term;
            Period period;
            try {
                term = Term.parse(node.at("term").text());
                period = new Period(node.at("from").date(), node.at("to").date());
            } catch (IllegalArgumentException e) {
                throw node.fail(e.getMessage());
            }
            if (own.put(term, period) != null) {
                throw node.fail(term.label() + " is given twice");
            }
        }
        try {
            return new SchoolCalendar(own);
        } catch (IllegalArgumentException e) {
            throw section.fail(e.getMessage());
        }
    }
}
