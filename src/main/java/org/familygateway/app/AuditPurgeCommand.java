package org.familygateway.app;

import java.time.Clock;
import java.util.concurrent.Callable;

import org.familygateway.audit.RetentionPurge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the retention purge now (the gateway also runs it on its own, see audit.retention in gateway.yaml). */
@Command(name = "purge", description = "Purge the details of entries past their retention period (audit.retention); the log still verifies.")
final class AuditPurgeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            RetentionPurge.Result result = new RetentionPurge(database.dataSource(), audit.trail, audit.retention, Clock.systemUTC()).run();
            System.out.println("purged the details of " + result.purged() + " entries"
                    + (result.refused() == 0 ? "" : "; " + result.refused() + " expired entries no longer match what was sealed and were "
                    + "left for `audit verify` to name"));
            return result.refused() == 0 ? 0 : 1;
        }
    }
}
