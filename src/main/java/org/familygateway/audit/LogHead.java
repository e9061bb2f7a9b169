package org.familygateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one-row head of the tree (size, root, frontier). Every append locks it with
 * {@code select ... for update} in the append's own transaction: appends from every gateway
 * instance sharing the database queue on that lock, so positions are dense and the tree is one,
 * and the entry and the head commit (or roll back) together.
 */
final class LogHead {

    record State(long size, byte[] root) {
    }

    private LogHead() {
    }

    /** Locks the head until the transaction ends and returns the tree it describes. */
    static Frontier lock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select tree_size, frontier from audit_head where id = 1 for update");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the audit log has no head row; was the V2 migration removed?");
            }
            return Frontier.decode(row.getLong(1), row.getString(2));
        }
    }

    static void update(Connection connection, Frontier frontier) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_head set tree_size = ?, root_hash = ?, frontier = ? where id = 1")) {
            update.setLong(1, frontier.size());
            update.setString(2, TreeHash.hex(frontier.root()));
            update.setString(3, frontier.encode());
            update.executeUpdate();
        }
    }

    static State read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select tree_size, root_hash from audit_head where id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new State(row.getLong(1), TreeHash.fromHex(row.getString(2)));
        }
    }
}
