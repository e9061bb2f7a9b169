package org.familygateway.agreement;

import java.util.Optional;

import org.familygateway.model.Rejection;

/**
 * The answer to "may this partner share this category, for this purpose, on this day": the
 * agreement and term that cover it, or the refusal that names why not.
 */
public record Coverage(Agreement agreement, SharingTerm term, Agreement.Refusal refusal) {

    static Coverage by(Agreement agreement, SharingTerm term) {
        return new Coverage(agreement, term, null);
    }

    static Coverage refused(Agreement.Refusal refusal) {
        return new Coverage(null, null, refusal);
    }

    public boolean covered() {
        return refusal == null;
    }

    /** The lawful basis relied on, as the audit records it; null when refused. */
    public String lawfulBasis() {
        return term == null ? null : term.lawfulBasis();
    }

    /** The refusal as the Rejection the sender is told about; empty when covered. */
    public Optional<Rejection> rejection() {
        return covered() ? Optional.empty() : Optional.of(new Rejection(refusal.code(), refusal.message()));
    }
}
