/**
 * The audit log information-governance staff review: one entry per decision, with ids, digests,
 * partner, agreement, lawful basis, outcome, reason and subject pseudonyms, never the message's
 * content; sealed into an RFC 6962 Merkle tree with signed checkpoints, verified, proven
 * consistent, and purged of details at the end of retention. The console lives in {@code console}.
 */
package org.familygateway.audit;
