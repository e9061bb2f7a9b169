package org.familygateway.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.familygateway.audit.CheckpointFiles;
import org.familygateway.audit.CheckpointRefused;
import org.familygateway.audit.LogVerifier;
import org.familygateway.audit.Verification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks the whole log against the signed checkpoints; exit code 0 only if it verifies. */
@Command(name = "verify", description = "Check every audit entry against the signed checkpoints; names the first entry "
        + "that does not match. Exit code 0: verified; 1: not.")
final class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Check against checkpoint files kept elsewhere (from `audit checkpoints export`) instead of those in the database")
    Path folder;

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            LogVerifier verifier = new LogVerifier(database.dataSource(), audit.checkpoints.verifier());
            Verification result;
            try {
                result = folder == null ? verifier.verify(audit.checkpoints.all())
                        : verifier.verifySigned(CheckpointFiles.read(folder, audit.checkpoints.verifier()));
            } catch (CheckpointRefused e) {
                System.out.println("NOT VERIFIED: a checkpoint is refused: " + e.getMessage());
                return 1;
            }
            System.out.println(result.summary());
            // recorded after the check, so that the check saw the log as it was
            audit.commandLineAccess("verified the log: " + (result.intact() ? "verified" : "NOT verified"));
            return result.intact() ? 0 : 1;
        }
    }
}
