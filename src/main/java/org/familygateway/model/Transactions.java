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

    /** H2's DATABASE_CALLED_AT_SHUTDOWN: its own shutdown hook closed the database as the JVM stops. */
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;

    private Transactions() {
    }

    /**
     * Whether a failure is the embedded database having been closed by its own hook as the JVM stops
     * (which runs alongside the gateway's orderly stop, so work that starts meanwhile finds it closed):
     * nothing to report, since whatever was not done is done at the next start.
     */
    public static boolean closedAtShutdown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_CLOSED_AT_SHUTDOWN) {
                return true;
            }
        }
        return false;
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
