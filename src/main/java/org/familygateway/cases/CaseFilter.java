package org.familygateway.cases;

import java.util.List;

import org.familygateway.model.v1.CaseType;

/**
 * What the data-sharing agreement lets the family team receive: applied to every case before it is
 * compared, stored and sent, it removes what the recipient may not have and lists the categories
 * it removed in the case's Withheld elements. The audit records those categories, never values.
 */
public interface CaseFilter {

    /** What was removed from a case, and under which agreement and lawful basis it went. */
    record Withheld(List<String> categories, String agreementId, String lawfulBasis) {
        public Withheld {
            categories = List.copyOf(categories);
        }
    }

    Withheld apply(CaseType built);

    /** Removes nothing: for deployments and tests without agreements. */
    static CaseFilter none() {
        return built -> new Withheld(List.of(), null, null);
    }
}
