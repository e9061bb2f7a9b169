package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.familygateway.model.Transactions;

/**
 * Signed checkpoints in the database: made every N entries by the append that reaches a multiple
 * of N, or on demand (the timed job, the command line) for whatever the log has grown by since.
 * A checkpoint is written under the head's lock, so its size and root are the head's.
 */
public final class Checkpoints {

    private final DataSource dataSource;
    private final Clock clock;
    private final CheckpointSigner signer;
    private final long everyEntries;

    /** {@code everyEntries} 0 means only on demand. */
    public Checkpoints(DataSource dataSource, Clock clock, CheckpointSigner signer, long everyEntries) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.signer = signer;
        this.everyEntries = everyEntries;
    }

    /** Called by an append, under the head's lock, with the tree it leaves. */
    void afterAppend(Connection connection, Frontier tree) throws SQLException {
        if (everyEntries > 0 && tree.size() % everyEntries == 0) {
            insert(connection, signer.sign(tree.size(), tree.root(), now()));
        }
    }

    /** Signs the tree as it is now, unless the latest checkpoint already covers it. */
    public Optional<Checkpoint> signNow() {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.inTransaction(connection, c -> {
                Frontier tree = LogHead.lock(c);
                Optional<Checkpoint> latest = latest(c);
                if (tree.size() == 0 || latest.isPresent() && latest.get().size() >= tree.size()) {
                    return Optional.<Checkpoint>empty();
                }
                Checkpoint checkpoint = signer.sign(tree.size(), tree.root(), now());
                insert(c, checkpoint);
                return Optional.of(checkpoint);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not sign a checkpoint of the audit log", e);
        }
    }

    public List<Checkpoint> all() {
        try (Connection connection = dataSource.getConnection()) {
            return select(connection, "select tree_size, root_hash, signed_at, signed_note from audit_checkpoint order by tree_size");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit checkpoints", e);
        }
    }

    public Optional<Checkpoint> latest() {
        try (Connection connection = dataSource.getConnection()) {
            return latest(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit checkpoints", e);
        }
    }

    public Optional<Checkpoint> at(long size) {
        return all().stream().filter(c -> c.size() == size).findFirst();
    }

    public CheckpointVerifier verifier() {
        return signer.verifier();
    }

    private Optional<Checkpoint> latest(Connection connection) throws SQLException {
        return select(connection, "select tree_size, root_hash, signed_at, signed_note from audit_checkpoint "
                + "order by tree_size desc fetch first 1 rows only").stream().findFirst();
    }

    private static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_checkpoint (tree_size, root_hash, signed_at, signed_note) values (?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.size());
            insert.setString(2, checkpoint.rootHex());
            insert.setObject(3, EntryStore.utc(checkpoint.signedAt()));
            insert.setString(4, Base64.getEncoder().encodeToString(checkpoint.signed()));
            insert.executeUpdate();
        }
    }

    private static List<Checkpoint> select(Connection connection, String sql) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong(1), TreeHash.fromHex(rows.getString(2)),
                        rows.getObject(3, OffsetDateTime.class).toInstant(), Base64.getDecoder().decode(rows.getString(4))));
            }
        }
        return checkpoints;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
