package org.familygateway.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.familygateway.audit.AuditTrail;
import org.familygateway.cases.HouseholdCases;
import org.familygateway.intake.ArrivalRetries;
import org.familygateway.intake.SftpIntakeServer;
import org.familygateway.intake.SshBanner;
import org.familygateway.model.GroupCommit;
import org.familygateway.operations.GatewayMetrics;
import org.familygateway.operations.HealthChecks;
import org.familygateway.operations.OperationsServer;

/** The metrics and health endpoints, wired to the running gateway's parts (settings: operations). */
final class OperationsParts {

    private static final int WITHIN_MILLIS = 2000;

    private OperationsParts() {
    }

    /** Counts what the audit records and reads the queue depths; the caller closes it. */
    static GatewayMetrics metrics(AuditTrail audit, BrokerQueues queues, ArrivalRetries arrivals, SftpIntakeServer sftp,
                                  HouseholdCases households) {
        GatewayMetrics metrics = new GatewayMetrics();
        for (String queue : Queues.ALL) {
            metrics.queueDepth(queue, queues, q -> q.depth(queue));
        }
        metrics.gauge("fg_sftp_arrivals_failing", "SFTP arrivals that could not be answered, waiting to be tried again", arrivals,
                ArrivalRetries::failingCount);
        metrics.count("fg_sftp_server_restarts", "times the SFTP server was found not taking connections and started again", sftp,
                SftpIntakeServer::restarts);
        // the two kinds of work done one transaction at a time: a busy time rising at nearly a second a second is the bottleneck
        work(metrics, "fg_household_step", "the household step", households, HouseholdCases::activity);
        work(metrics, "fg_audit_commit", "the audit log's group commit", audit, AuditTrail::commits);
        audit.observe(metrics);
        return metrics;
    }

    private static <T> void work(GatewayMetrics metrics, String prefix, String what, T source,
                                 java.util.function.Function<T, GroupCommit.Activity> activity) {
        metrics.count(prefix + "_transactions", "transactions run by " + what, source, s -> activity.apply(s).transactions());
        metrics.count(prefix + "_items", "messages (household step) or entries (audit) taken into those transactions", source,
                s -> activity.apply(s).items());
        metrics.count(prefix + "_busy_seconds", "time spent in them; " + what + " runs one at a time, so a rate near 1 means it "
                + "is the bottleneck", source, s -> activity.apply(s).busyNanos() / 1e9);
    }

    static OperationsServer serve(GatewaySettings settings, GatewayMetrics metrics, BrokerQueues queues, DataSource database,
                                  int sftpPort, ArrivalRetries arrivals) {
        HealthChecks health = new HealthChecks()
                .add("broker", queues::problem)
                .add("database", () -> database(database))
                .add("sftp", () -> SshBanner.problem(settings.sftp().host(), sftpPort, Duration.ofMillis(WITHIN_MILLIS)).or(arrivals::problem))
                .add("soap", () -> listening(settings.soap().host(), settings.soap().port()));
        GatewaySettings.Operations o = settings.operations();
        return OperationsServer.start(o.hostOrDefault(), o.portOrDefault(), metrics, health);
    }

    private static Optional<String> database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(WITHIN_MILLIS / 1000) ? Optional.empty() : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The HTTPS listener takes connections (the handshake and WS-Security are the tests' business). */
    private static Optional<String> listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), WITHIN_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot reach " + host + ":" + port + ": " + e.getMessage());
        }
    }
}
