package org.familygateway.agreement;

import java.util.Set;
import java.util.stream.Collectors;

import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.DataCategoryType;

/** A case with what its recipient may not receive taken out, and the categories that were taken out. */
public record Minimised(CaseType minimised, Set<DataCategoryType> removed) {

    public Minimised {
        removed = Set.copyOf(removed);
    }

    /** For the MINIMISED audit entry: the categories removed, never their values. */
    public String auditDetail() {
        return removed.isEmpty() ? "nothing removed" : "removed categories: "
                + removed.stream().map(DataCategoryType::value).sorted().collect(Collectors.joining(", "));
    }
}
