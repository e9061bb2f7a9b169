package org.familygateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Proves that one signed checkpoint is a prefix of a later one: the proof is built from the log's
 * entries as they stand and checked against the two signed roots, so a log altered since the
 * first checkpoint yields no valid proof. Whoever keeps the two checkpoint files can check the
 * printed proof without the log.
 */
public final class Consistency {

    /** A proof between two checkpoints and whether it holds. */
    public record Proof(Checkpoint from, Checkpoint to, List<byte[]> hashes, boolean holds) {
    }

    private final DataSource dataSource;
    private final Checkpoints checkpoints;

    public Consistency(DataSource dataSource, Checkpoints checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    /** Throws CheckpointRefused if either checkpoint is missing or not signed by the gateway. */
    public Proof between(long fromSize, long toSize) {
        if (fromSize <= 0 || fromSize > toSize) {
            throw new IllegalArgumentException("the first checkpoint must be smaller than the second, and not empty");
        }
        Checkpoint from = signed(fromSize);
        Checkpoint to = signed(toSize);
        if (toSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a proof over more than " + Integer.MAX_VALUE + " entries is not supported");
        }
        List<byte[]> leaves = new ArrayList<>((int) toSize);
        try (Connection connection = dataSource.getConnection()) {
            SealedRows.read(connection, toSize, row -> row.event().position() == leaves.size() && leaves.add(row.currentLeafHash()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        } catch (SealedRows.Unreadable e) {
            return new Proof(from, to, List.of(), false);
        }
        if (leaves.size() != toSize) {
            return new Proof(from, to, List.of(), false);
        }
        List<byte[]> proof = ConsistencyProof.prove(leaves, (int) fromSize, (int) toSize);
        return new Proof(from, to, proof, ConsistencyProof.verify(fromSize, toSize, from.root(), to.root(), proof));
    }

    private Checkpoint signed(long size) {
        Checkpoint stored = checkpoints.at(size)
                .orElseThrow(() -> new CheckpointRefused("there is no checkpoint at size " + size));
        return checkpoints.verifier().verify(stored);
    }
}
