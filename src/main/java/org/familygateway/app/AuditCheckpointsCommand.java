package org.familygateway.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.familygateway.audit.Checkpoint;
import org.familygateway.audit.CheckpointFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Lists, signs and exports the audit log's signed checkpoints. */
@Command(name = "checkpoints", description = "List the signed checkpoints; `sign` one now; `export DIR` them as files to keep elsewhere.")
final class AuditCheckpointsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "list (default), sign or export")
    String action = "list";

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Where export writes checkpoint-<size>.p7m files")
    Path folder;

    @Override
    public Integer call() {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            switch (action) {
                case "list" -> audit.checkpoints.all().forEach(c -> System.out.println(line(c)));
                case "sign" -> System.out.println(audit.checkpoints.signNow().map(c -> "signed " + line(c))
                        .orElse("nothing to sign: the latest checkpoint covers the whole log"));
                case "export" -> {
                    if (folder == null) {
                        System.err.println("export needs a folder: audit checkpoints export DIR");
                        return 2;
                    }
                    int written = CheckpointFiles.export(audit.checkpoints.all(), folder);
                    audit.commandLineAccess("exported " + written + " checkpoint(s)");
                    System.out.println("wrote " + written + " new checkpoint file(s) to " + folder.toAbsolutePath()
                            + "; check one with: openssl cms -verify -inform DER -in FILE -CAfile <the partnership CA>");
                }
                default -> {
                    System.err.println("unknown action " + action + ": list, sign or export");
                    return 2;
                }
            }
            return 0;
        }
    }

    private static String line(Checkpoint c) {
        return String.format("size %-10d root %s signed %s", c.size(), c.rootHex(), c.signedAt());
    }
}
