package org.familygateway.app;

import java.time.Clock;
import java.util.concurrent.Callable;

import org.familygateway.audit.CheckpointRefused;
import org.familygateway.audit.Consistency;
import org.familygateway.audit.TreeHash;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Proves that an earlier signed checkpoint is a prefix of a later one, and prints the proof. */
@Command(name = "consistency", description = "Prove that the log at checkpoint --from is a prefix of the log at checkpoint --to "
        + "(RFC 9162 consistency proof). Exit code 0: proven; 1: not.")
final class AuditConsistencyCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--from", required = true, paramLabel = "SIZE", description = "The earlier checkpoint's size")
    long from;

    @Option(names = "--to", required = true, paramLabel = "SIZE", description = "The later checkpoint's size")
    long to;

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            Consistency.Proof proof;
            try {
                proof = new Consistency(database.dataSource(), audit.checkpoints).between(from, to);
            } catch (CheckpointRefused | IllegalArgumentException e) {
                System.out.println("NOT PROVEN: " + e.getMessage());
                return 1;
            }
            audit.commandLineAccess("consistency proof from " + from + " to " + to + ": " + (proof.holds() ? "holds" : "does NOT hold"));
            System.out.println("from size " + from + " root " + proof.from().rootHex());
            System.out.println("to   size " + to + " root " + proof.to().rootHex());
            proof.hashes().forEach(h -> System.out.println("proof " + TreeHash.hex(h)));
            System.out.println(proof.holds() ? "PROVEN: the log at " + from + " entries is a prefix of the log at " + to
                    : "NOT PROVEN: the entries before " + from + " are no longer those the first checkpoint signed");
            return proof.holds() ? 0 : 1;
        }
    }
}
