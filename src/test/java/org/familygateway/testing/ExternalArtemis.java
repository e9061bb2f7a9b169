package org.familygateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A standalone Apache Artemis broker in a process of its own, as production runs one: the
 * distribution Maven unpacks into target/ ({@code artemis.home}, set by the build), an instance made
 * with {@code artemis create} under a temporary folder, started with {@code artemis run} on a free
 * port (core and AMQP on one acceptor), anonymous access, no web console. Without the distribution
 * (a test run outside Maven's integration-test phase) the test is skipped.
 */
public final class ExternalArtemis implements AutoCloseable {

    private static final Duration START_WITHIN = Duration.ofSeconds(90);

    private final Path instance;
    private final int port;
    private Process process;
    private int starts;

    private ExternalArtemis(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** A broker for tests that never kill it: its journal is not synced to disk, which is quicker. */
    public static ExternalArtemis start() {
        return start(false);
    }

    /**
     * A broker whose journal is synced to disk before it confirms a durable send, as production's is:
     * for the crash harness, which kills it.
     */
    public static ExternalArtemis startSyncingToDisk() {
        return start(true);
    }

    private static ExternalArtemis start(boolean fsync) {
        String home = System.getProperty("artemis.home");
        Assumptions.assumeTrue(home != null && Files.isRegularFile(Path.of(home, "bin", "artemis")),
                "no Artemis distribution (artemis.home); run through `./mvnw verify`, which unpacks it into target/");
        try {
            Path instance = Files.createTempDirectory("fg-artemis-");
            int port = FreePorts.next();
            List<String> create = new java.util.ArrayList<>(List.of("sh", Path.of(home, "bin", "artemis").toString(), "create", "--silent",
                    "--no-autotune", "--host", "127.0.0.1", "--default-port", String.valueOf(port), "--user", "fg", "--password", "fg",
                    "--allow-anonymous", "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                    "--no-hornetq-acceptor"));
            if (!fsync) {
                create.add("--no-fsync");
            }
            create.add(instance.resolve("broker").toString());
            run(create, instance.resolve("create.log"));
            ExternalArtemis broker = new ExternalArtemis(instance, port);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL for the gateway's broker.url (Artemis core). */
    public String coreUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The URL the family team's AMQP client uses (the same acceptor). */
    public String amqpUrl() {
        return "amqp://127.0.0.1:" + port;
    }

    /** SIGKILL: nothing flushed but what the journal had already written. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the same broker again (its journal, its port) and waits until it listens; returns how long that took. */
    public Duration restart() {
        Instant began = Instant.now();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Duration.between(began, Instant.now());
    }

    private void launch() throws IOException {
        Path log = instance.resolve("broker-" + (++starts) + ".log");
        process = new ProcessBuilder("sh", instance.resolve("broker/bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(log);
    }

    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Artemis broker exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("the Artemis broker did not listen within " + START_WITHIN + ": " + Files.readString(log));
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(instance)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
