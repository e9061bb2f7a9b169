package org.familygateway.audit;

import java.nio.file.Path;
import java.time.Clock;

import org.familygateway.app.Database;

/**
 * A stand-in gateway process for the crash trial: appends entries (and signs a checkpoint every 7)
 * as fast as it can, saying how far it got, until it is killed.
 */
public final class AppendUntilKilled {

    private AppendUntilKilled() {
    }

    public static void main(String[] args) {
        System.setProperty("gateway.project.dir", args[3]);
        Database database = Database.open(args[0], args[1], args[2]);
        CheckpointSigner signer = AuditLogFixture.signerOf(Path.of(args[3], "certs-example", "gateway"));
        AuditTrail trail = new AuditTrail(database.dataSource(), Clock.systemUTC(),
                new Checkpoints(database.dataSource(), Clock.systemUTC(), signer, 7));
        for (int i = 0; ; i++) {
            trail.append(AuditLogFixture.step(i));
            System.out.println("appended " + (i + 1));
            System.out.flush();
        }
    }
}
