package org.familygateway.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.familygateway.agreement.Agreement;
import org.familygateway.agreement.AgreementRegistry;
import org.familygateway.agreement.AgreementStatus;
import org.familygateway.agreement.AgreementUsage;
import org.familygateway.agreement.Agreements;
import org.familygateway.agreement.StatusChanges;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The data-sharing agreements on the command line: list them as they stand, suspend, resume or end
 * one (recorded in the database, so every running gateway applies it from its next message, and
 * audited with who and why), and the IG usage report over a period.
 */
@Command(name = "agreements", description = "Data-sharing agreements: list, suspend, resume, end, usage.",
        subcommands = picocli.CommandLine.HelpCommand.class)
final class AgreementsCommand {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Command(name = "list", description = "List the agreements, their status as it stands and the last change made by command.")
    int list(@Mixin ConfigOptions config) {
        return withDatabase(config, (settings, database, audit) -> {
            StatusChanges changes = new StatusChanges(database.dataSource(), Clock.systemUTC());
            Agreements agreements = new AgreementRegistry(new AgreementsFolder(settings.agreements()), changes, null).get();
            Map<String, StatusChanges.Change> latest = changes.latest();
            LocalDate today = LocalDate.now(UK);
            System.out.printf("%-30s %-10s %-11s %-11s %-24s %s%n", "AGREEMENT", "STATUS", "FROM", "TO", "TODAY", "LAST COMMAND");
            for (Agreement a : agreements.all()) {
                StatusChanges.Change c = latest.get(a.id());
                System.out.printf("%-30s %-10s %-11s %-11s %-24s %s%n", a.id(), a.status(), a.validFrom(), a.validTo() == null ? "-" : a.validTo(),
                        a.refusalOn(today).map(r -> r.code().value()).orElse("IN_FORCE"),
                        c == null ? "-" : c.status() + " by " + c.by() + " at " + c.at() + ": " + c.reason());
            }
        });
    }

    @Command(name = "suspend", description = "Suspend an agreement: nothing is taken under it from the next message.")
    int suspend(@Mixin ConfigOptions config, @Parameters(paramLabel = "ID") String id, @Mixin Change change) {
        return change(config, id, AgreementStatus.SUSPENDED, change);
    }

    @Command(name = "resume", description = "Lift a suspension made by command (not one written in the agreement's file).")
    int resume(@Mixin ConfigOptions config, @Parameters(paramLabel = "ID") String id, @Mixin Change change) {
        return change(config, id, AgreementStatus.ACTIVE, change);
    }

    @Command(name = "end", description = "End an agreement early, for good.")
    int end(@Mixin ConfigOptions config, @Parameters(paramLabel = "ID") String id, @Mixin Change change) {
        return change(config, id, AgreementStatus.ENDED, change);
    }

    @Command(name = "usage", description = "IG usage report: per agreement, messages and records by partner and category.")
    int usage(@Mixin ConfigOptions config,
            @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (UK), e.g. 2026-11-01") LocalDate from,
            @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day (UK), inclusive") LocalDate to) {
        return withDatabase(config, (settings, database, audit) -> {
            List<AgreementUsage.Row> rows = new AgreementUsage(database.dataSource(), Clock.systemUTC())
                    .report(from.atStartOfDay(UK).toInstant(), to.plusDays(1).atStartOfDay(UK).toInstant());
            audit.commandLineAccess("agreement usage report from " + from + " to " + to);
            System.out.printf("%-30s %-28s %-24s %9s %9s%n", "AGREEMENT", "PARTNER", "CATEGORY", "MESSAGES", "RECORDS");
            for (AgreementUsage.Row row : rows) {
                System.out.printf("%-30s %-28s %-24s %9d %9d%n", row.agreementId(), row.partnerId(), row.category().value(), row.messages(),
                        row.records());
            }
            System.out.println(rows.isEmpty() ? "Nothing was shared under any agreement from " + from + " to " + to + "."
                    : rows.size() + " line(s), " + from + " to " + to + ".");
        });
    }

    /** Who changes the agreement and why: both recorded and audited. */
    static final class Change {
        @Option(names = "--reason", required = true, description = "Why, recorded and audited")
        String reason;

        @Option(names = "--by", description = "Your name or user id (default: the login name)")
        String by = System.getProperty("user.name");
    }

    private static int change(ConfigOptions config, String id, AgreementStatus status, Change change) {
        return withDatabase(config, (settings, database, audit) -> {
            Agreements agreements = new AgreementRegistry(new AgreementsFolder(settings.agreements()), null, null).get();
            if (agreements.byId(id).isEmpty()) {
                throw new ConfigurationException("no agreement " + id + " in " + settings.agreements());
            }
            StatusChanges.Change made = new StatusChanges(database.dataSource(), Clock.systemUTC()).record(id, status, change.reason, change.by);
            audit.trail.append(AuditEntry.byActor(AuditEventType.AGREEMENT_CHANGED, made.by(), null,
                    (status == AgreementStatus.ACTIVE ? "resumed" : status.name().toLowerCase(java.util.Locale.ROOT)) + " by command: "
                            + made.reason()).withAgreement(id, null));
            System.out.println("agreement " + id + ": " + status + " from the next message (" + made.at() + ")");
        });
    }

    private interface Work {
        void run(GatewaySettings settings, Database database, AuditParts audit);
    }

    private static int withDatabase(ConfigOptions config, Work work) {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            work.run(settings, database, new AuditParts(settings, database.dataSource(), Clock.systemUTC()));
            return 0;
        }
    }
}
