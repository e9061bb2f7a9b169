package org.familygateway.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.familygateway.app.Database;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases;
import org.familygateway.trust.Pem;
import org.familygateway.trust.ReceiptSigner;

/**
 * A real audit log on a fresh database (H2 or PostgreSQL), signing checkpoints with the example
 * gateway key, with a clock the test moves and plain SQL for playing the attacker.
 */
final class AuditLogFixture implements AutoCloseable {

    /** A clock the test moves forward by hand. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2025-01-06T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    final TestDatabases.Target target;
    final Database database;
    final MovingClock clock = new MovingClock();
    final CheckpointSigner signer = gatewaySigner();
    final Checkpoints checkpoints;
    final AuditTrail trail;

    AuditLogFixture(TestDatabases.Kind kind, Path folder, long checkpointEvery) {
        this.target = TestDatabases.fresh(kind, folder);
        this.database = Database.open(target.url(), target.user(), target.password());
        this.checkpoints = new Checkpoints(database.dataSource(), clock, signer, checkpointEvery);
        this.trail = new AuditTrail(database.dataSource(), clock, checkpoints);
    }

    static CheckpointSigner gatewaySigner() {
        return signerOf(Project.certs().resolve("gateway"));
    }

    static CheckpointSigner signerOf(Path folder) {
        return new CheckpointSigner(new ReceiptSigner(Pem.privateKey(folder.resolve("signing.key")),
                Pem.certificate(folder.resolve("signing.crt"))));
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    LogVerifier verifier() {
        return new LogVerifier(dataSource(), signer.verifier());
    }

    Verification verify() {
        return verifier().verify(checkpoints.all());
    }

    /** Appends n message steps, receipt r-0, r-1, ..., each about one (pseudonymous) person. */
    void appendSteps(int n) {
        for (int i = 0; i < n; i++) {
            trail.append(step(i));
        }
    }

    static AuditEntry step(int i) {
        return new AuditEntry(AuditEventType.values()[i % 8], "r-" + i, "example-school", "SOAP", "m-" + i, null, null,
                "step " + i, "ab".repeat(32)).withSubjects(List.of(pseudonym(i)));
    }

    static String pseudonym(int i) {
        return "ps_" + String.format("%032d", i).replace('0', 'a').replace('1', 'b').replace('8', 'c').replace('9', 'd');
    }

    /** Plain SQL, as someone with database access but not the gateway's key would do. */
    int sql(String statement, Object... parameters) {
        try (Connection connection = dataSource().getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
