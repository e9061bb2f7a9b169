package org.familygateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Checks the whole log against signed checkpoints: every checkpoint's signature (the gateway's
 * pinned certificate), then every entry in order, recomputing its leaf from what it says now. It
 * names the first entry that is missing, out of place, or does not match the hash recorded when it
 * was written; where someone rewrote the recorded hashes as well, the first entry after the last
 * checkpoint that still matches.
 */
public final class LogVerifier {

    private final DataSource dataSource;
    private final CheckpointVerifier signatures;

    public LogVerifier(DataSource dataSource, CheckpointVerifier signatures) {
        this.dataSource = dataSource;
        this.signatures = signatures;
    }

    /** Against the checkpoints stored in the database. */
    public Verification verify(List<Checkpoint> stored) {
        List<Checkpoint> trusted = new ArrayList<>();
        for (Checkpoint checkpoint : stored) {
            try {
                trusted.add(signatures.verify(checkpoint));
            } catch (CheckpointRefused e) {
                return failed(-1, "the checkpoint at size " + checkpoint.size() + " is refused: " + e.getMessage(), trusted);
            }
        }
        return verifySigned(trusted);
    }

    /** Against checkpoints whose signatures were checked already (e.g. read from files IG kept). */
    public Verification verifySigned(List<Checkpoint> signed) {
        List<Checkpoint> checkpoints = signed.stream().sorted(Comparator.comparingLong(Checkpoint::size)).toList();
        try (Connection connection = dataSource.getConnection()) {
            Walk walk = new Walk(checkpoints);
            try {
                SealedRows.read(connection, Long.MAX_VALUE, walk::visit);
            } catch (SealedRows.Unreadable e) {
                return failed(e.position, e.getMessage(), checkpoints);
            }
            if (walk.problem != null) {
                return failed(walk.problem, checkpoints);
            }
            Frontier tree = walk.tree;
            Optional<Checkpoint> beyond = checkpoints.stream().filter(c -> c.size() > tree.size()).findFirst();
            if (beyond.isPresent()) {
                return failed(tree.size(), "the log ends after " + tree.size() + " entries but the checkpoint signed at size "
                        + beyond.get().size() + " covers " + beyond.get().size() + ": entry " + tree.size() + " onwards is missing", checkpoints);
            }
            LogHead.State head = LogHead.read(connection);
            if (head.size() != tree.size()) {
                return failed(Math.min(head.size(), tree.size()), "the head of the log says " + head.size()
                        + " entries but the log holds " + tree.size(), checkpoints);
            }
            if (!Arrays.equals(head.root(), tree.root())) {
                return failed(walk.lastGood, "the head's root does not match the entries from " + walk.lastGood + " on", checkpoints);
            }
            long unsealed = SealedRows.unsealed(connection);
            if (unsealed > 0) {
                return failed(-1, unsealed + " row(s) in the log were never sealed into the tree (no position)", checkpoints);
            }
            long latest = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).size();
            return new Verification(tree.size(), checkpoints.size(), latest, tree.size() - latest, Optional.empty());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log to verify it", e);
        }
    }

    private static Verification failed(Verification.Problem problem, List<Checkpoint> checkpoints) {
        return new Verification(problem.position() < 0 ? 0 : problem.position(), checkpoints.size(), 0, 0, Optional.of(problem));
    }

    private static Verification failed(long position, String message, List<Checkpoint> checkpoints) {
        return failed(new Verification.Problem(position, message), checkpoints);
    }

    /** One pass over the entries in order. */
    private static final class Walk {
        private final List<Checkpoint> checkpoints;
        private final Frontier tree = new Frontier();
        private int next;
        private long lastGood;
        private Verification.Problem problem;

        Walk(List<Checkpoint> checkpoints) {
            this.checkpoints = checkpoints;
        }

        boolean visit(SealedRow row) {
            long expected = tree.size();
            long position = row.event().position();
            if (position != expected) {
                return stop(expected, "entry " + expected + " is missing: the next stored entry is at position " + position
                        + " (id " + row.event().id() + ")");
            }
            byte[] leaf;
            try {
                if (!row.event().purged() && !Arrays.equals(row.currentCommitment(), row.commitment())) {
                    return stop(position, "entry " + position + " (id " + row.event().id() + ") does not match: its details differ from what was sealed");
                }
                leaf = row.currentLeafHash();
            } catch (RuntimeException e) {
                return stop(position, "entry " + position + " (id " + row.event().id() + ") cannot be read: " + e.getMessage());
            }
            if (!Arrays.equals(leaf, row.leafHash())) {
                return stop(position, "entry " + position + " (id " + row.event().id() + ") does not match the hash recorded when it was written");
            }
            tree.add(leaf);
            while (next < checkpoints.size() && checkpoints.get(next).size() == tree.size()) {
                Checkpoint checkpoint = checkpoints.get(next++);
                if (!Arrays.equals(checkpoint.root(), tree.root())) {
                    return stop(lastGood, "entries " + lastGood + " to " + (tree.size() - 1) + " do not match the checkpoint signed at size "
                            + checkpoint.size() + "; the first entry that may have been altered is " + lastGood);
                }
                lastGood = tree.size();
            }
            return true;
        }

        private boolean stop(long position, String message) {
            problem = new Verification.Problem(position, message);
            return false;
        }
    }
}
