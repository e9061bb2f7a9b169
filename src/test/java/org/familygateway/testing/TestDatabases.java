package org.familygateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run against: the embedded H2 file (always) and PostgreSQL where one is
 * reachable ({@code FG_TEST_POSTGRES_URL}, default 127.0.0.1:5432/test as postgres). CI sets
 * {@code FG_REQUIRE_POSTGRES=true}, which turns "not reachable" into a failure instead of a skip.
 */
public final class TestDatabases {

    public enum Kind { H2, POSTGRESQL }

    private static final String URL = System.getenv().getOrDefault("FG_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("FG_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("FG_TEST_POSTGRES_PASSWORD", "");

    private TestDatabases() {
    }

    /**
     * Settings overrides that point the gateway at a fresh database of this kind; for H2, null (the
     * gateway's default file under its data folder is used).
     */
    public static Map<String, String> overrides(Kind kind) {
        if (kind == Kind.H2) {
            return Map.of();
        }
        String schema = freshPostgresSchema();
        return Map.of("database.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "database.user", USER, "database.password", PASSWORD);
    }

    private static String freshPostgresSchema() {
        String schema = "fg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("create schema " + schema);
            return schema;
        } catch (SQLException e) {
            if (Boolean.parseBoolean(System.getenv("FG_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("PostgreSQL is required (FG_REQUIRE_POSTGRES) but not reachable at " + URL, e);
            }
            Assumptions.abort("PostgreSQL is not reachable at " + URL + " (" + e.getMessage()
                    + "); the PostgreSQL variant of this test is skipped. Set FG_TEST_POSTGRES_URL to run it.");
            throw new IllegalStateException("unreachable");
        }
    }
}
