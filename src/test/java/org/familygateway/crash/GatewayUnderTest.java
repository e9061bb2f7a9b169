package org.familygateway.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.familygateway.app.GatewaySettings;
import org.familygateway.testing.ExternalArtemis;
import org.familygateway.testing.FreePorts;
import org.familygateway.testing.JavaProcesses;
import org.familygateway.testing.Metrics;
import org.familygateway.testing.Project;

/**
 * The packaged gateway ({@code java -jar target/family-gateway.jar run}) as its own process, on the
 * same ports and data folder across restarts, so that partners and the family team find it again;
 * on its embedded broker, or switched by configuration alone ({@code broker.url}) to an external one,
 * and on its embedded database or on PostgreSQL ({@code database.url}).
 */
final class GatewayUnderTest {

    private final Path jar;
    private final Path home;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final ExternalArtemis broker;
    private Process process;
    private int starts;

    /**
     * A gateway on its embedded broker (broker == null) or on the given external one, and on the
     * database the settings overrides name (none: the embedded H2 file under its data folder).
     */
    GatewayUnderTest(Path jar, Path home, ExternalArtemis broker, Map<String, String> database) {
        this.jar = jar;
        this.home = home;
        this.broker = broker;
        overrides.put("dataDir", home.resolve("data").toString());
        overrides.putAll(database);
        for (String port : List.of("soap.port", "sftp.port", "broker.port", "console.port", "operations.port")) {
            overrides.put(port, String.valueOf(FreePorts.next()));
        }
        if (broker != null) {
            overrides.put("broker.url", broker.coreUrl());
        }
    }

    GatewaySettings settings() {
        return GatewaySettings.load(Project.config(), overrides);
    }

    /** Starts the jar and waits until it says it has started. */
    Duration start() throws IOException, InterruptedException {
        Instant began = Instant.now();
        List<String> command = JavaProcesses.java(List.of("-Xmx512m"), "-jar", jar.toString(), "run");
        overrides.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        process = JavaProcesses.startGateway(command, home.resolve("gateway-" + (++starts) + ".log"), Duration.ofMinutes(3));
        return Duration.between(began, Instant.now());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM, and waits for the clean stop. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** What a command of the packaged gateway ({@code java -jar ... audit verify}, say) printed, and its exit code. */
    /** Runs a command of the jar against this gateway's configuration and data, and waits for it. */
    JavaProcesses.Output command(String... arguments) throws IOException, InterruptedException {
        List<String> command = JavaProcesses.java(List.of(), "-jar", jar.toString());
        command.addAll(List.of(arguments));
        overrides.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        return JavaProcesses.run(command, Duration.ofMinutes(30));
    }

    long queueDepth(String queue) throws IOException, InterruptedException {
        return (long) Metrics.scrape(Integer.parseInt(overrides.get("operations.port")))
                .value("fg_queue_depth{queue=\"" + queue + "\"}").orElse(-1);
    }

    String amqpUrl() {
        return broker != null ? broker.amqpUrl() : "amqp://127.0.0.1:" + overrides.get("broker.port");
    }
}
