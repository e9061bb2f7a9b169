package org.familygateway.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;

/** The gateway's database: a pool, and the schema brought up to date by Flyway at start-up. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String url;

    private Database(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    public static Database open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(8);
        config.setPoolName("gateway-db");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, url);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The embedded database only, at start-up, before anything writes: fails at once, with what to do,
     * if the audit log's head row (which every write of the gateway locks) is still locked after
     * {@code patience}, instead of letting start-up wait on it for ever. H2 2.5 reopened a file killed
     * in the middle of a commit with that commit neither finished nor undone, its rows locked by a
     * transaction that no longer existed, and a lock of them spun without end, deaf to the lock
     * timeout (the crash harness's long mode met it; the build pins H2 2.4, which finishes such a
     * commit when it reopens the file). A lock held briefly by another process on the same file
     * ({@code AUTO_SERVER}, an operator's command) is waited out. PostgreSQL needs no such check.
     */
    public void refuseLeftoverLocks(Duration patience) {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                try (Statement statement = connection.createStatement();
                     ResultSet head = statement.executeQuery("select tree_size from audit_head where id = 1 for update nowait")) {
                    connection.rollback();
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    // "Timeout trying to lock table", which NOWAIT raises at once
                    if (e.getErrorCode() != ErrorCode.LOCK_TIMEOUT_1) {
                        throw e;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the embedded database's audit log head is locked by a transaction that is "
                                + "not running (left by an unclean stop) or by another process using the file; start-up stops "
                                + "here rather than wait for ever. If no other process uses " + url.replaceAll(";.*", "")
                                + ", rebuild the file from its committed data (README, \"The embedded database and kills\")");
                    }
                    Thread.sleep(200);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the embedded database for locks left by an unclean stop: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the embedded database", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
