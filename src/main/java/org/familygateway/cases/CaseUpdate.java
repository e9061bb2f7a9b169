package org.familygateway.cases;

import java.time.Instant;

/**
 * A version of a household's case, for the family team's queue. The broker's duplicate-detection
 * id is the case id and version, so the same version sent twice (after a crash) arrives once.
 */
public record CaseUpdate(String caseId, int version, String status, Instant issuedAt, byte[] xml) {

    public String duplicateId() {
        return caseId + ":" + version;
    }
}
