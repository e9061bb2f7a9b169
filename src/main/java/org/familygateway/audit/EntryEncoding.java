package org.familygateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The canonical bytes of an entry, version 1: what the tree hashes. Every field is written in a
 * fixed order, strings as a 4-byte big-endian length and UTF-8 (length 0xFFFFFFFF for null), so
 * that two different entries never share an encoding.
 *
 * <pre>
 * details    = 0x01 | salt (16) | receiptId | senderMessageId | caseId | detail | payloadDigest
 *              | count (4) | subject...                    (sorted)
 * commitment = SHA-256(details)
 * frame      = 0x01 | position (8) | occurredAt, epoch microseconds (8) | type | partnerId | channel
 *              | agreementId | lawfulBasis | outcome | recipient | reasonCode | actor | commitment (32)
 * leaf       = SHA-256(0x00 | frame)                       (RFC 6962 leaf hash)
 * </pre>
 *
 * The random salt keeps a purged entry's commitment from confirming a guess of what it said.
 */
final class EntryEncoding {

    static final byte VERSION = 1;
    static final int SALT_BYTES = 16;

    private EntryEncoding() {
    }

    static byte[] commitment(byte[] salt, AuditEntry entry) {
        return TreeHash.sha256(details(salt, entry));
    }

    static byte[] details(byte[] salt, AuditEntry entry) {
        return write(out -> {
            out.writeByte(VERSION);
            out.write(salt);
            text(out, entry.receiptId());
            text(out, entry.senderMessageId());
            text(out, entry.caseId());
            text(out, entry.detail());
            text(out, entry.payloadDigest());
            out.writeInt(entry.subjects().size());
            for (String subject : entry.subjects()) {
                text(out, subject);
            }
        });
    }

    static byte[] frame(long position, Instant occurredAt, AuditEntry entry, byte[] commitment) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeLong(position);
            out.writeLong(occurredAt.getEpochSecond() * 1_000_000L + occurredAt.getNano() / 1_000);
            text(out, entry.type().name());
            text(out, entry.partnerId());
            text(out, entry.channel());
            text(out, entry.agreementId());
            text(out, entry.lawfulBasis());
            text(out, entry.outcome());
            text(out, entry.recipient());
            text(out, entry.reasonCode());
            text(out, entry.actor());
            out.write(commitment);
        });
    }

    static byte[] leafHash(long position, Instant occurredAt, AuditEntry entry, byte[] commitment) {
        return TreeHash.leaf(frame(position, occurredAt, entry, commitment));
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
