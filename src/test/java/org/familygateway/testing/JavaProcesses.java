package org.familygateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway (or one of its commands) run as a process of its own, as an operator runs it: the
 * packaged-jar test, the crash harness and the benchmarks all start it this way, from the project's
 * folder, with output and errors together.
 */
public final class JavaProcesses {

    private static final String STARTED = "Family Gateway started";

    private JavaProcesses() {
    }

    /** What a command printed, and how it exited. */
    public record Output(int exit, String text) {
    }

    /** The command line of this JVM's own java: JVM options first, then the rest (-jar and a jar, or -cp and a class, and arguments). */
    public static List<String> java(List<String> jvmOptions, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(rest));
        return command;
    }

    /**
     * Starts the gateway with its output going to the log, and waits until it says it has started.
     * Throws, with the log, if it exits first or has not started within the time.
     */
    public static Process startGateway(List<String> command, Path log, Duration within) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(Project.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(within);
        while (!Files.readString(log).contains(STARTED)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String why = process.isAlive() ? "did not start within " + within : "exited (" + process.waitFor() + ")";
                process.destroyForcibly();
                throw new IllegalStateException("the gateway " + why + " (" + log + "): " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return process;
    }

    /** Runs a command to its end (at most the time given, then it is killed) and returns what it printed. */
    public static Output run(List<String> command, Duration within) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(Project.ROOT.toFile()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after " + within + ": " + String.join(" ", command) + "\n" + text);
        }
        return new Output(process.exitValue(), text);
    }
}
