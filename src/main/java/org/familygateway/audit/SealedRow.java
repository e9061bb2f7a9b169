package org.familygateway.audit;

/**
 * An entry as stored, with what seals it into the tree: the salt of its details (null once
 * purged), the commitment to its details and the leaf hash recorded when it was written.
 */
record SealedRow(AuditEvent event, byte[] salt, byte[] commitment, byte[] leafHash) {

    /** The commitment as the entry now stands: recomputed from the details, or as kept after a purge. */
    byte[] currentCommitment() {
        return event.purged() ? commitment : EntryEncoding.commitment(salt, event.entry());
    }

    /** The leaf hash as the entry now stands. */
    byte[] currentLeafHash() {
        return EntryEncoding.leafHash(event.position(), event.occurredAt(), event.entry(), currentCommitment());
    }
}
