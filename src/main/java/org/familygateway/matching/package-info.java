/**
 * Matching: recognises the same person and the same household across agencies, by identifiers first
 * (UPN, NI number, NHS number, stable local ids, UPRN) and by a documented Fellegi-Sunter score second,
 * never merging silently: uncertain pairs go to a review list. The model, its parameters and how they
 * were chosen are described in {@code docs/matching.md}.
 *
 * <p>Entry points: {@link org.familygateway.matching.PersonIndex} (match an agency's record against the
 * persistent index), {@link org.familygateway.matching.ReviewList} (confirm, reject, unlink) and
 * {@link org.familygateway.matching.ReferralRecords} (what a referral says about each member).
 */
package org.familygateway.matching;
