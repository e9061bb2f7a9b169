package org.familygateway.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.familygateway.app.GatewaySettings;
import org.familygateway.testing.FreePorts;
import org.familygateway.testing.JavaProcesses;
import org.familygateway.testing.Metrics;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases;

/**
 * The gateway in a JVM of its own (the benchmark's classpath, the project's configuration, free ports,
 * a fresh data folder), so that its heap and CPU are its own; read through its metrics endpoint.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final Map<String, String> overrides;

    private GatewayProcess(Process process, Path dataDir, Map<String, String> overrides) {
        this.process = process;
        this.dataDir = dataDir;
        this.overrides = overrides;
    }

    static GatewayProcess start(List<String> jvmOptions) throws IOException, InterruptedException {
        return start(jvmOptions, TestDatabases.Kind.H2);
    }

    /** The gateway on this database: embedded H2, or a fresh schema on the PostgreSQL the tests use. */
    static GatewayProcess start(List<String> jvmOptions, TestDatabases.Kind database) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("fg-benchmark-gateway-");
        Map<String, String> overrides = new HashMap<>();
        if (database != TestDatabases.Kind.H2) {
            overrides.putAll(TestDatabases.overrides(database, dataDir));
        }
        overrides.put("dataDir", dataDir.resolve("data").toString());
        overrides.put("soap.port", String.valueOf(FreePorts.next()));
        overrides.put("sftp.port", String.valueOf(FreePorts.next()));
        overrides.put("broker.port", String.valueOf(FreePorts.next()));
        overrides.put("console.port", String.valueOf(FreePorts.next()));
        overrides.put("operations.port", String.valueOf(FreePorts.next()));
        List<String> command = JavaProcesses.java(jvmOptions, "-cp", System.getProperty("java.class.path"),
                "org.familygateway.app.GatewayCommand", "run");
        overrides.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        Process process = JavaProcesses.startGateway(command, dataDir.resolve("gateway.log"), Duration.ofMinutes(3));
        return new GatewayProcess(process, dataDir, overrides);
    }

    GatewaySettings settings() {
        return GatewaySettings.load(Project.config(), overrides);
    }

    private Metrics metrics() throws IOException, InterruptedException {
        return Metrics.scrape(Integer.parseInt(overrides.get("operations.port")));
    }

    long heapUsed() throws IOException, InterruptedException {
        return (long) metrics().sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /**
     * CPU milliseconds the gateway's JIT compiler threads have used since it started, read from
     * /proc on Linux; elsewhere the JVM's own compilation time (its metric), which counts a
     * compilation's elapsed time and so overstates the CPU on a busy machine.
     */
    long compilingMillis() throws IOException, InterruptedException {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return (long) metrics().sum("jvm_compilation_time_ms_total", "");
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
                        // fields 14 and 15 of stat, after the parenthesised name: user and system time in clock ticks
                        String[] fields = Files.readString(thread.resolve("stat")).replaceFirst("^.*\\) ", "").split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException gone) {
                    // a compiler thread that ended between the listing and the read
                }
            }
        }
        return ticks * 10;   // USER_HZ is 100 on Linux
    }

    /** CPU time the gateway's process has used since it started (all its threads). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the gateway's process"));
    }

    long queueDepth(String queue) throws IOException, InterruptedException {
        return (long) metrics().sum("fg_queue_depth", "queue=\"" + queue + "\"");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        Path kept = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Files.move(dataDir.resolve("gateway.log"), kept);
        System.out.println("the gateway's log: " + kept);
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
