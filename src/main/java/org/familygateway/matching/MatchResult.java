package org.familygateway.matching;

import java.util.List;

/**
 * What became of one record: the person it now belongs to (a new one for NEW_PERSON and REVIEW), how,
 * with what score and evidence, and for REVIEW the people it may be instead. {@code subjectId} is the
 * person's pseudonymous id, the only way logs and the audit may name them. The evidence names the
 * agreement levels and rules, never the personal data.
 */
public record MatchResult(long recordId, long personId, String subjectId, MatchOutcome outcome, Double score,
        String evidence, List<Long> reviewCandidates) {
}
