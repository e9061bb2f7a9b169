package org.familygateway.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.familygateway.audit.AuditEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints audit entries: the latest, or every step of one delivery. Works while the gateway runs. */
@Command(name = "audit", description = "Show audit entries (the latest, or those of one receipt), verify the log, "
        + "sign, export and prove checkpoints, purge expired details.",
        subcommands = {AuditVerifyCommand.class, AuditCheckpointsCommand.class, AuditConsistencyCommand.class, AuditPurgeCommand.class})
final class AuditCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--receipt", paramLabel = "ID", description = "Only the entries of this receipt id")
    String receiptId;

    @Option(names = "--latest", defaultValue = "20", description = "How many of the latest entries (default: ${DEFAULT-VALUE})")
    int latest;

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            List<AuditEvent> events = receiptId != null ? audit.trail.forReceipt(receiptId) : audit.trail.latest(latest);
            audit.commandLineAccess(receiptId != null ? "listed the entries of receipt " + receiptId : "listed the latest " + latest + " entries");
            System.out.printf("%-6s %-6s %-27s %-22s %-36s %-17s %-6s %s%n", "pos", "id", "time", "event", "receipt", "partner", "via", "reason");
            for (AuditEvent event : events) {
                var e = event.entry();
                System.out.printf("%-6d %-6d %-27s %-22s %-36s %-17s %-6s %s%n", event.position(), event.id(), event.occurredAt(), e.type(),
                        event.purged() ? "(purged)" : nullable(e.receiptId()), nullable(e.partnerId()), nullable(e.channel()),
                        e.reasonCode() == null ? nullable(e.actor() == null ? null : "by " + e.actor())
                                : e.reasonCode() + ": " + nullable(e.detail()));
            }
            return 0;
        }
    }

    private static String nullable(String value) {
        return value == null ? "-" : value;
    }
}
