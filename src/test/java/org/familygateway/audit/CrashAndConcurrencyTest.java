package org.familygateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.familygateway.app.Database;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Appends that die half-way, and appends from two gateway instances at once, leave one log that verifies. */
class CrashAndConcurrencyTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_connection_lost_after_the_entry_is_written_but_before_the_head_moves_leaves_a_log_that_verifies(Kind kind) throws Exception {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 4)) {
            log.appendSteps(6);
            AuditTrail dying = new AuditTrail(connectionLostBeforeTheHeadMoves(log.target), log.clock, log.checkpoints);

            assertThatThrownBy(() -> dying.append(AuditLogFixture.step(6))).isInstanceOf(Exception.class);

            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(6);
            assertThat(log.trail.append(AuditLogFixture.step(7)).position()).isEqualTo(6);
            assertThat(log.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_gateway_process_killed_while_appending_leaves_a_log_that_verifies(Kind kind) throws Exception {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        // as GatewaySettings.jdbcUrl() opens the embedded database: shared, and each commit written at once
        String url = kind == Kind.H2 ? target.url() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0" : target.url();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendUntilKilled.class.getName(),
                url, target.user(), target.password(), Project.ROOT.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("appended 60")) {
                // the process appends on; it is killed in the middle of one of its next appends
            }
            assertThat(line).as("the appending process stopped early").isEqualTo("appended 60");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Database database = Database.open(url, target.user(), target.password())) {
            CheckpointSigner signer = AuditLogFixture.gatewaySigner();
            Checkpoints checkpoints = new Checkpoints(database.dataSource(), Clock.systemUTC(), signer, 7);
            Verification verification = new LogVerifier(database.dataSource(), signer.verifier()).verify(checkpoints.all());
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isGreaterThanOrEqualTo(60);
            assertThat(verification.checkpoints()).isGreaterThanOrEqualTo(8);
            AuditTrail after = new AuditTrail(database.dataSource(), Clock.systemUTC(), checkpoints);
            assertThat(after.append(AuditLogFixture.step(0)).position()).isEqualTo(verification.entries());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void two_gateway_instances_appending_at_once_form_one_log(Kind kind) throws Exception {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 10);
             Database second = Database.open(log.target.url(), log.target.user(), log.target.password())) {
            AuditTrail other = new AuditTrail(second.dataSource(), log.clock,
                    new Checkpoints(second.dataSource(), log.clock, log.signer, 10));
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AuditTrail trail = t % 2 == 0 ? log.trail : other;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        trail.append(AuditLogFixture.step(i));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            threads.shutdown();

            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(100);
            assertThat(log.checkpoints.all()).extracting(Checkpoint::size).containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        }
    }

    /** A data source whose connection drops (as a crashed process's would) just before the head is updated. */
    private static DataSource connectionLostBeforeTheHeadMoves(TestDatabases.Target target) throws Exception {
        Connection real = DriverManager.getConnection(target.url(), target.user(), target.password());
        Connection dying = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).startsWith("update audit_head")) {
                        real.abort(Runnable::run); // PostgreSQL: the socket is cut
                        real.close(); // H2's abort does nothing; closing ends the session as a crash would
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return dying;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
