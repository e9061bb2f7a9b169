package org.familygateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text the gateway signs for a checkpoint, small enough to read in the output of
 * {@code openssl cms -verify}:
 *
 * <pre>
 * family-gateway audit checkpoint v1
 * size 1234
 * root 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * time 2025-05-01T10:00:00Z
 * </pre>
 */
final class CheckpointNote {

    static final String HEADER = "family-gateway audit checkpoint v1";
    private static final Pattern FORMAT = Pattern.compile(
            Pattern.quote(HEADER) + "\nsize (\\d{1,18})\nroot ([0-9a-f]{64})\ntime (\\S+)\n");

    private CheckpointNote() {
    }

    static byte[] text(long size, byte[] root, Instant time) {
        return (HEADER + "\nsize " + size + "\nroot " + TreeHash.hex(root) + "\ntime " + time + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The size, root and time a note states, from its exact bytes. */
    static Checkpoint parse(byte[] note, byte[] signed) {
        Matcher m = FORMAT.matcher(new String(note, StandardCharsets.UTF_8));
        if (!m.matches()) {
            throw new CheckpointRefused("the signed content is not a checkpoint note");
        }
        try {
            return new Checkpoint(Long.parseLong(m.group(1)), TreeHash.fromHex(m.group(2)), Instant.parse(m.group(3)), signed);
        } catch (DateTimeParseException e) {
            throw new CheckpointRefused("the checkpoint note's time is not an instant");
        }
    }
}
