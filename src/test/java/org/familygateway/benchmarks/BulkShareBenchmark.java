package org.familygateway.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.familygateway.testing.SyntheticShares;
import org.familygateway.validation.Submission;
import org.familygateway.validation.SubmissionReader;

/**
 * Reads bulk information shares of growing size record by record, as the intake does, and prints
 * records per second and the peak heap used. Run it under a small fixed heap: if memory grew with
 * the file, the larger share would fail.
 *
 *   benchmarks/run BulkShareBenchmark -Xmx64m -- 100000 1000000
 */
public final class BulkShareBenchmark {

    private BulkShareBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Long> sizes = args.length == 0 ? List.of(100_000L, 1_000_000L) : Stream.of(args).map(Long::parseLong).toList();
        Path folder = Files.createTempDirectory("bulk-share-benchmark-");
        System.out.printf("max heap %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.printf("%10s %10s %9s %12s %9s %8s %10s%n", "records", "file MB", "seconds", "records/s", "MB/s", "chunks", "peak heap");
        try {
            read(folder, 200_000);   // warm-up: JIT and schema loading, not reported (a running gateway is warm)
            for (long size : sizes) {
                report(size, folder);
            }
        } finally {
            delete(folder);
        }
    }

    private static Submission read(Path folder, long size) throws IOException {
        Path file = SyntheticShares.write(folder.resolve("share-" + size + ".xml"), size, 1000, 42);
        Path work = folder.resolve("work-" + size);
        SubmissionReader reader = new SubmissionReader(Long.MAX_VALUE, 5_000_000, 500, 1000);
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, "example-school", LocalDate.of(2026, 11, 23), work);
        } finally {
            delete(work);
        }
    }

    private static void report(long size, Path folder) throws IOException {
        Path file = SyntheticShares.write(folder.resolve("share-" + size + ".xml"), size, 1000, 42);
        double megabytes = Files.size(file) / 1_048_576.0;
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        Path work = folder.resolve("work-" + size);
        Submission submission;
        try (InputStream in = Files.newInputStream(file)) {
            submission = new SubmissionReader(Long.MAX_VALUE, 5_000_000, 500, 1000).read(in, "example-school", LocalDate.of(2026, 11, 23), work);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%10d %10.0f %9.1f %12.0f %9.1f %8d %7d MB   (accepted %d, rejected %d)%n", size, megabytes, seconds,
                size / seconds, megabytes / seconds, submission.chunks().size(), peak >> 20,
                submission.records().accepted(), submission.records().rejected());
        delete(work);
        Files.delete(file);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
