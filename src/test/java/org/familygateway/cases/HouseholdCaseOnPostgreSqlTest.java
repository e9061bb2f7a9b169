package org.familygateway.cases;

import java.nio.file.Path;
import java.util.Map;

import org.familygateway.testing.TestDatabases;

/**
 * The same story on PostgreSQL: the household step's SQL, its lock and its outbox on the production
 * database. Skipped with a message where PostgreSQL is not reachable (required in CI).
 */
class HouseholdCaseOnPostgreSqlTest extends HouseholdCaseEndToEndTest {

    @Override
    Map<String, String> database() {
        return TestDatabases.overrides(TestDatabases.Kind.POSTGRESQL, Path.of("target"));
    }
}
