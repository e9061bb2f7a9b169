package org.familygateway.cases;

import java.util.List;

import org.familygateway.model.v1.CaseType;

/**
 * What the data-sharing agreement lets the family team receive: applied to every case before it is
 * compared, stored and sent, it removes what the recipient may not have and lists the categories
 * it removed in the case's Withheld elements. The audit (MINIMISED) records those categories, never
 * values.
 */
public interface CaseFilter {

    /** The case as it may leave, and the categories removed from it (their names only). */
    record Filtered(CaseType kept, List<String> withheld) {
        public Filtered {
            withheld = List.copyOf(withheld);
        }
    }

    Filtered apply(CaseType built);

    /** Removes nothing: for tests of the household step without agreements. */
    static CaseFilter none() {
        return built -> new Filtered(built, List.of());
    }
}
