package org.familygateway.app;

import java.time.Clock;
import java.util.List;

import org.familygateway.cases.ReviewFollowUp;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.ReviewList;
import org.familygateway.model.Pseudonyms;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The matching review list on the command line: list the uncertain pairs, show one side by side,
 * and confirm, reject or unlink, each decision recorded with who made it and why. Showing a pair
 * prints personal data: it is for the staff who are to decide.
 */
@Command(name = "review", description = "Review uncertain matches: list, show, confirm, reject, unlink, decisions.",
        subcommands = picocli.CommandLine.HelpCommand.class)
final class ReviewCommand {

    @Command(name = "list", description = "List open review items, oldest first.")
    int list(@Mixin ConfigOptions config,
            @Option(names = "--max", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE})") int max) {
        return withReviewList(config, review -> {
            List<ReviewList.Item> items = review.openItems(max);
            System.out.printf("%-6s %-8s %-10s %-10s %-7s %s%n", "item", "record", "held as", "candidate", "score", "evidence");
            for (ReviewList.Item item : items) {
                System.out.printf("%-6d %-8d %-10d %-10d %-7.1f %s%n", item.id(), item.recordId(), item.recordPersonId(),
                        item.candidatePersonId(), item.score(), item.evidence());
            }
            System.out.println(items.size() + " open item(s)");
        });
    }

    @Command(name = "show", description = "Show an item's record beside every record of the candidate.")
    int show(@Mixin ConfigOptions config, @Parameters(paramLabel = "ITEM") long itemId) {
        return withReviewList(config, review -> {
            ReviewList.Item item = review.item(itemId);
            ReviewList.Comparison comparison = review.compare(itemId);
            System.out.printf("item %d (%s), score %.1f: %s%n", item.id(), item.status(), item.score(), item.evidence());
            System.out.println("record " + item.recordId() + ":");
            System.out.println("  " + describe(comparison.record()));
            System.out.println("candidate person " + item.candidatePersonId() + ":");
            comparison.candidateRecords().forEach(r -> System.out.println("  " + describe(r)));
        });
    }

    @Command(name = "confirm", description = "They are the same person: bring the record's person into the candidate.")
    int confirm(@Mixin ConfigOptions config, @Parameters(paramLabel = "ITEM") long itemId, @Mixin Decision decision) {
        return decide(config, decision, review -> review.confirm(itemId, decision.by, decision.reason));
    }

    @Command(name = "reject", description = "They are different people: close the item, nothing moves.")
    int reject(@Mixin ConfigOptions config, @Parameters(paramLabel = "ITEM") long itemId, @Mixin Decision decision) {
        return decide(config, decision, review -> review.reject(itemId, decision.by, decision.reason));
    }

    @Command(name = "unlink", description = "Take a wrongly linked record out into a person of its own.")
    int unlink(@Mixin ConfigOptions config, @Parameters(paramLabel = "RECORD") long recordId, @Mixin Decision decision) {
        return decide(config, decision, review -> review.unlink(recordId, decision.by, decision.reason));
    }

    @Command(name = "decisions", description = "Show the latest recorded decisions, newest first.")
    int decisions(@Mixin ConfigOptions config,
            @Option(names = "--max", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE})") int max) {
        return withReviewList(config, review -> {
            System.out.printf("%-6s %-24s %-8s %-8s %-8s %-8s %-20s %s%n", "id", "decided", "decision", "record", "person", "now",
                    "by", "reason");
            for (ReviewList.Logged logged : review.latestDecisions(max)) {
                ReviewList.Decided d = logged.decision();
                System.out.printf("%-6d %-24s %-8s %-8d %-8d %-8d %-20s %s%n", d.id(), logged.decidedAt(), d.decision(), d.recordId(),
                        d.personId(), d.resultPersonId(), logged.decidedBy(), logged.reason());
            }
        });
    }

    /** Who decides and why: both recorded with the decision. */
    static final class Decision {
        @Option(names = "--by", required = true, description = "Your name or user id, recorded with the decision")
        String by;

        @Option(names = "--reason", required = true, description = "Why, recorded with the decision")
        String reason;
    }

    private interface Work {
        void run(ReviewList review);
    }

    private static int withReviewList(ConfigOptions config, Work work) {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            work.run(ReviewList.open(database.dataSource(), new Pseudonyms(PseudonymKey.load(settings)), Clock.systemUTC()));
            return 0;
        }
    }

    private interface Deciding {
        ReviewList.Decided on(ReviewList review);
    }

    /**
     * Records a decision, then what follows it: the audit entry, the households concerned decided
     * again at the gateway's next review run, and the running gateway told to reload its people.
     */
    private static int decide(ConfigOptions config, Decision decision, Deciding deciding) {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            Pseudonyms pseudonyms = new Pseudonyms(PseudonymKey.load(settings));
            ReviewList.Decided decided = deciding.on(ReviewList.open(database.dataSource(), pseudonyms, Clock.systemUTC()));
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            ReviewFollowUp.after(database.dataSource(), audit.trail, Clock.systemUTC(), decision.by,
                    decided.decision() + " of record " + decided.recordId() + ": person " + decided.personId() + ", now person "
                            + decided.resultPersonId(),
                    decided.subjectId(), List.of(decided.personId(), decided.resultPersonId()));
            print(decided);
            return 0;
        }
    }

    private static void print(ReviewList.Decided decided) {
        System.out.printf("recorded decision %d: %s of record %d (person %d), now person %d, subject %s%n", decided.id(),
                decided.decision(), decided.recordId(), decided.personId(), decided.resultPersonId(), decided.subjectId());
    }

    private static String describe(AgencyRecord r) {
        return String.format("%s | %s %s%s | born %s | %s | UPN %s NI %s NHS %s%s | %s %s%s | from %s%s", r.sourcePartner(), r.forename(),
                r.middleNames() == null ? "" : r.middleNames() + " ", r.surname(), r.dateOfBirth(), r.gender(), dash(r.upn()),
                dash(r.niNumber()), dash(r.nhsNumber()), r.localId() == null ? "" : " " + r.localId().system() + " " + r.localId().value(),
                String.join(", ", r.addressLines()), r.postcode(), r.uprn() == null ? "" : " (UPRN " + r.uprn() + ")", r.effectiveFrom(),
                r.declaredHousehold() == null ? "" : " | declared household " + r.declaredHousehold());
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
