package org.familygateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.familygateway.app.Database;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.BulkFill;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchResult;
import org.familygateway.matching.MatchSettings;
import org.familygateway.matching.PersonIndex;
import org.familygateway.matching.synthetic.Agencies;
import org.familygateway.matching.synthetic.Family;
import org.familygateway.matching.synthetic.LabelledRecord;
import org.familygateway.matching.synthetic.NoiseProfile;
import org.familygateway.matching.synthetic.World;
import org.familygateway.model.Pseudonyms;
import org.familygateway.testing.TestDatabases;

/**
 * Incremental matching speed against a persistent index of a million people. The index (an H2
 * file, or with --postgres a fresh schema on the test PostgreSQL server) is filled in bulk with one record per synthetic person; the gateway's PersonIndex then
 * loads its in-memory blocking index from it (timed, with the heap it takes), and matches agency
 * records about a random sample of the families: first deciding only (the matching itself), then
 * deciding and storing in batches as the gateway does (records, links, households, review items,
 * one transaction per batch).
 *
 * <pre>benchmarks/run MatchingSpeedBenchmark -Xmx4g -- [--people 1000000] [--records 50000] [--batch 1000] [--seed 42] [--postgres]</pre>
 */
public final class MatchingSpeedBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int people = Integer.parseInt(options.getOrDefault("people", "1000000"));
        int wanted = Integer.parseInt(options.getOrDefault("records", "50000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        System.out.printf("JVM: %d processors, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        long started = System.nanoTime();
        World world = World.of(seed, NoiseProfile.DEFAULT, people);
        List<AgencyRecord> incoming = sample(world, wanted, seed);
        System.out.printf("world: %d people in %d families, %d incoming agency records (%.1f s)%n", world.people(),
                world.families().size(), incoming.size(), seconds(started));

        Path folder = Files.createTempDirectory("matching-speed");
        TestDatabases.Target target = options.containsKey("postgres") ? rewritingBatches(TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL, folder))
                : new TestDatabases.Target("jdbc:h2:file:" + folder.resolve("index").toAbsolutePath(), "bench", "");
        System.out.println("database: " + (options.containsKey("postgres") ? "PostgreSQL on 127.0.0.1, reWriteBatchedInserts=true"
                : "H2 file (the embedded default)"));
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            started = System.nanoTime();
            long loaded = BulkFill.fill(database.dataSource(), world);
            System.out.printf("bulk-filled the database index with %d people (%.1f s)%n", loaded, seconds(started));

            long heapBefore = usedHeap();
            started = System.nanoTime();
            PersonIndex index = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, new Pseudonyms(new byte[32]),
                    Clock.systemUTC());
            double loadSeconds = seconds(started);
            long heapAfter = usedHeap();
            System.out.printf("loaded the in-memory blocking index of %d people in %.1f s; it takes %d MiB of heap (%d bytes a person)%n",
                    index.people(), loadSeconds, (heapAfter - heapBefore) >> 20, (heapAfter - heapBefore) / Math.max(1, index.people()));

            int half = incoming.size() / 2;
            decideOnly(index, incoming.subList(0, half));
            matchAndStore(index, incoming.subList(half, incoming.size()), batch);
            System.out.printf("heap in use at the end: %d MiB%n", usedHeap() >> 20);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The PostgreSQL driver sends a batch of inserts as multi-row inserts when asked to: a setting of the JDBC URL. */
    private static TestDatabases.Target rewritingBatches(TestDatabases.Target target) {
        return new TestDatabases.Target(target.url() + "&reWriteBatchedInserts=true", target.user(), target.password());
    }

    private static void decideOnly(PersonIndex index, List<AgencyRecord> records) {
        for (AgencyRecord record : records.subList(0, Math.min(2000, records.size()))) {
            index.preview(record);
        }
        Map<MatchOutcome, Integer> outcomes = new EnumMap<>(MatchOutcome.class);
        long started = System.nanoTime();
        long cpu = cpuNanos();
        for (AgencyRecord record : records) {
            outcomes.merge(index.preview(record).outcome(), 1, Integer::sum);
        }
        double elapsed = seconds(started);
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        System.out.printf("matching only (decide, in memory): %d records in %.2f s = %.0f records/s (%.0f per CPU second of the "
                + "matching thread); %s%n", records.size(), elapsed, records.size() / elapsed, records.size() / cpuSeconds, outcomes);
    }

    private static void matchAndStore(PersonIndex index, List<AgencyRecord> records, int batch) {
        Map<MatchOutcome, Integer> outcomes = new EnumMap<>(MatchOutcome.class);
        long started = System.nanoTime();
        long cpu = cpuNanos();
        for (int from = 0; from < records.size(); from += batch) {
            for (MatchResult result : index.matchAll(records.subList(from, Math.min(records.size(), from + batch)))) {
                outcomes.merge(result.outcome(), 1, Integer::sum);
            }
        }
        double elapsed = seconds(started);
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        System.out.printf("matching and storing (batches of %d): %d records in %.2f s = %.0f records/s (%.0f per CPU second "
                + "of the matching thread); %s; index now %d people%n", batch, records.size(), elapsed, records.size() / elapsed,
                records.size() / cpuSeconds, outcomes, index.people());
    }

    /** Agency records about randomly chosen families, shuffled as arrivals from many agencies would be. */
    private static List<AgencyRecord> sample(World world, int wanted, long seed) {
        Random random = new Random(seed);
        List<Family> families = new ArrayList<>(world.families());
        Collections.shuffle(families, random);
        List<AgencyRecord> records = new ArrayList<>();
        for (int from = 0; records.size() < wanted && from < families.size(); from += 1000) {
            for (LabelledRecord labelled : Agencies.extracts(families.subList(from, Math.min(families.size(), from + 1000)), seed + from,
                    NoiseProfile.DEFAULT)) {
                records.add(labelled.record());
            }
        }
        Collections.shuffle(records, random);
        return records.subList(0, Math.min(wanted, records.size()));
    }

    /** CPU time of this thread: what the work cost, whatever else the shared machine was doing. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
