package org.familygateway.model;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database transaction on a connection the caller holds: committed when the work returns,
 * rolled back when it throws (and the failure passed on as it was), the connection back in
 * auto-commit either way, so a pooled connection is returned as it was lent. What a failure means,
 * and what else to undo (an index in memory), stays with the caller.
 */
public final class Transactions {

    /** Work done inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.in(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
