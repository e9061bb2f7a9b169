package org.familygateway.testing;

import java.nio.file.Path;
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

    /** A database to connect to. */
    public record Target(String url, String user, String password) {
    }

    /** A fresh, empty database of this kind: an H2 file in the folder, or a new PostgreSQL schema. */
    public static Target fresh(Kind kind, Path folder) {
        if (kind == Kind.H2) {
            return new Target("jdbc:h2:file:" + folder.resolve("db-" + UUID.randomUUID()).toAbsolutePath(), "gateway", "");
        }
        return new Target(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + freshPostgresSchema(), USER, PASSWORD);
    }

    /** Settings overrides that point a gateway at a fresh database of this kind. */
    public static Map<String, String> overrides(Kind kind, Path folder) {
        Target target = fresh(kind, folder);
        return Map.of("database.url", target.url(), "database.user", target.user(), "database.password", target.password());
    }

    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas, "drop-test-schemas"));
    }

    private static String freshPostgresSchema() {
        String schema = "fg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("create schema " + schema);
            CREATED.add(schema);
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

    private static void dropCreatedSchemas() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            for (String schema : CREATED) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test schemas " + CREATED + ": " + e.getMessage());
        }
    }
}
