package org.familygateway.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditSearch;
import org.familygateway.audit.SearchFilter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints audit entries: the latest, every step of one delivery, or every step of the deliveries a
 * partner's message id names. Works while the gateway runs.
 */
@Command(name = "audit", description = "Show audit entries (the latest, those of one receipt or of one partner's message id), verify the log, "
        + "sign, export and prove checkpoints, purge expired details.",
        subcommands = {AuditVerifyCommand.class, AuditCheckpointsCommand.class, AuditConsistencyCommand.class, AuditPurgeCommand.class})
final class AuditCommand implements Callable<Integer> {

    /** Entries shown for one message id at most: a delivery has about ten, and a message is rarely sent many times. */
    private static final int MAX_FOR_A_MESSAGE = 1000;

    @Mixin
    ConfigOptions config;

    @Option(names = "--receipt", paramLabel = "ID", description = "Only the entries of this receipt id")
    String receiptId;

    @Option(names = "--message", paramLabel = "ID",
            description = "Every step of the deliveries this id names: a partner's own message id (refused ones too) or a receipt id")
    String messageId;

    @Option(names = "--latest", defaultValue = "20", description = "How many of the latest entries (default: ${DEFAULT-VALUE})")
    int latest;

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            List<AuditEvent> events;
            if (receiptId != null) {
                events = audit.trail.forReceipt(receiptId);
                audit.commandLineAccess("listed the entries of receipt " + receiptId);
            } else if (messageId != null) {
                SearchFilter filter = new SearchFilter(null, null, null, null, null, null, null, messageId);
                events = new ArrayList<>(new AuditSearch(database.dataSource()).search(filter, MAX_FOR_A_MESSAGE));
                Collections.reverse(events); // oldest first, as for a receipt
                audit.commandLineAccess("listed the entries of message " + messageId);
            } else {
                events = audit.trail.latest(latest);
                audit.commandLineAccess("listed the latest " + latest + " entries");
            }
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
