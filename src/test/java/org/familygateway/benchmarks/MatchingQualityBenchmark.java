package org.familygateway.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familygateway.app.Database;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchResult;
import org.familygateway.matching.MatchSettings;
import org.familygateway.matching.PersonIndex;
import org.familygateway.matching.synthetic.Agencies;
import org.familygateway.matching.synthetic.LabelledRecord;
import org.familygateway.matching.synthetic.NoiseProfile;
import org.familygateway.matching.synthetic.World;
import org.familygateway.model.Pseudonyms;

/**
 * Matching quality on synthetic agency extracts with known truth: every record is matched, in date
 * order, into an empty persistent index (an H2 file), and the decisions are checked against the
 * truth. Prints precision, recall and F1 of the automatic links (per link decision, and over pairs
 * of records in the final people), the size of the review list, and how many automatic links joined
 * a twin to their twin or a person to their namesake (the goal is none).
 *
 * <pre>benchmarks/run MatchingQualityBenchmark -- [--people 20000] [--seed 20261123] [--upper 30] [--lower 18] [--clean] [--explain]</pre>
 */
public final class MatchingQualityBenchmark {

    /** With --explain, every wrong automatic link is printed with its evidence (the data is synthetic). */
    private static boolean EXPLAIN;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int people = Integer.parseInt(options.getOrDefault("people", "20000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261123"));
        MatchSettings settings = new MatchSettings(Double.parseDouble(options.getOrDefault("upper", "30")),
                Double.parseDouble(options.getOrDefault("lower", "18")));
        EXPLAIN = options.containsKey("explain");
        NoiseProfile profile = options.containsKey("clean") ? NoiseProfile.CLEAN : NoiseProfile.DEFAULT;

        World world = World.of(seed, profile, people);
        List<LabelledRecord> records = Agencies.extracts(world, seed + 1, profile);
        System.out.printf("world: %d people in %d families (seed %d, %s noise profile); %d agency records%n", world.people(),
                world.families().size(), seed, profile == NoiseProfile.CLEAN ? "clean" : "default", records.size());

        Path folder = Files.createTempDirectory("matching-quality");
        try (Database database = Database.open("jdbc:h2:file:" + folder.resolve("index").toAbsolutePath(), "bench", "")) {
            PersonIndex index = PersonIndex.open(database.dataSource(), settings, new Pseudonyms(new byte[32]), Clock.systemUTC());
            long started = System.nanoTime();
            List<MatchResult> results = new ArrayList<>(records.size());
            for (int from = 0; from < records.size(); from += 500) {
                List<AgencyRecord> batch = records.subList(from, Math.min(records.size(), from + 500)).stream()
                        .map(LabelledRecord::record).toList();
                results.addAll(index.matchAll(batch));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("matched in %.1f s (%.0f records/s, stored in H2 as it went)%n", seconds, records.size() / seconds);
            report(world, records, results, settings);
        }
    }

    private static void report(World world, List<LabelledRecord> records, List<MatchResult> results, MatchSettings settings) {
        Map<Integer, Set<Integer>> confusable = new HashMap<>();
        for (List<int[]> pairs : List.of(world.twinPairs(), world.namesakePairs())) {
            for (int[] pair : pairs) {
                confusable.computeIfAbsent(pair[0], k -> new HashSet<>()).add(pair[1]);
                confusable.computeIfAbsent(pair[1], k -> new HashSet<>()).add(pair[0]);
            }
        }
        Map<Long, Set<Integer>> truthsOfPerson = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        int shouldLink = 0;
        Map<String, Integer> missed = new HashMap<>();
        int autoLinks = 0;
        int correctLinks = 0;
        int confused = 0;
        int reviewRecords = 0;
        int reviewWithTrueCandidate = 0;
        int reviewItems = 0;
        Map<MatchOutcome, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int truth = records.get(i).truthId();
            MatchResult result = results.get(i);
            outcomes.merge(result.outcome(), 1, Integer::sum);
            boolean linked = result.outcome() == MatchOutcome.LINKED_BY_IDENTIFIER || result.outcome() == MatchOutcome.LINKED_BY_SCORE;

            if (seen.contains(truth)) {
                shouldLink++;
                if (!linked) {
                    String why = result.evidence() == null ? "" : result.evidence().replaceAll("^.*; ", "").replaceAll("person \\d+: .*", "");
                    missed.merge(result.outcome() + " " + (result.outcome() == MatchOutcome.REVIEW ? why : ""), 1, Integer::sum);
                    if (EXPLAIN && result.outcome() == MatchOutcome.NEW_PERSON && missed.get(result.outcome() + " ") < 15) {
                        System.out.printf("missed: record %d (true person %d) %s%n", i, truth, records.get(i).record());
                        for (int j = 0; j < i; j++) {
                            if (records.get(j).truthId() == truth) {
                                System.out.printf("   earlier: %s %s%n", results.get(j).outcome(), records.get(j).record());
                            }
                        }
                    }
                }
            }
            if (linked) {
                autoLinks++;
                Set<Integer> before = truthsOfPerson.getOrDefault(result.personId(), Set.of());
                if (before.equals(Set.of(truth))) {
                    correctLinks++;
                }
                if (before.stream().anyMatch(t -> confusable.getOrDefault(truth, Set.of()).contains(t))) {
                    confused++;
                }
                if (EXPLAIN && !before.equals(Set.of(truth)) && !before.isEmpty()) {
                    System.out.printf("wrong link: record %d (true person %d) %s%n  to person %d holding true people %s: %s %s%n", i, truth,
                            records.get(i).record(), result.personId(), before, result.outcome(), result.evidence());
                }
            }
            if (result.outcome() == MatchOutcome.REVIEW) {
                reviewRecords++;
                reviewItems += result.reviewCandidates().size();
                if (result.reviewCandidates().stream().anyMatch(p -> truthsOfPerson.getOrDefault(p, Set.of()).contains(truth))) {
                    reviewWithTrueCandidate++;
                }
            }
            truthsOfPerson.computeIfAbsent(result.personId(), k -> new HashSet<>()).add(truth);
            seen.add(truth);
        }
        double precision = autoLinks == 0 ? 1 : (double) correctLinks / autoLinks;
        double recall = shouldLink == 0 ? 1 : (double) correctLinks / shouldLink;
        System.out.printf("thresholds: link at or above %.1f bits, new person below %.1f%n", settings.linkAbove(), settings.newPersonBelow());
        System.out.printf("outcomes: %s%n", outcomes);
        System.out.printf("automatic links: precision %.4f  recall %.4f  F1 %.4f  (%d links, %d correct, %d records had an earlier record of the same person)%n",
                precision, recall, f1(precision, recall), autoLinks, correctLinks, shouldLink);
        System.out.printf("records not linked although their person was known: %s%n", missed);
        pairwise(records, results);
        System.out.printf("review list: %d items for %d records (%.2f%% of records); %d of those records had the true person among the candidates%n",
                reviewItems, reviewRecords, 100.0 * reviewRecords / records.size(), reviewWithTrueCandidate);
        System.out.printf("twins or namesakes auto-linked to each other: %d (%d twin pairs, %d namesake pairs in the world)%n", confused,
                world.twinPairs().size(), world.namesakePairs().size());
    }

    /** Over pairs of records: two records in the same person after matching, against two records of one true person. */
    private static void pairwise(List<LabelledRecord> records, List<MatchResult> results) {
        Map<Long, Map<Integer, Integer>> byPerson = new HashMap<>();
        Map<Integer, Integer> byTruth = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byPerson.computeIfAbsent(results.get(i).personId(), k -> new HashMap<>()).merge(records.get(i).truthId(), 1, Integer::sum);
            byTruth.merge(records.get(i).truthId(), 1, Integer::sum);
        }
        long predicted = 0;
        long correct = 0;
        for (Map<Integer, Integer> truths : byPerson.values()) {
            long size = truths.values().stream().mapToLong(Integer::longValue).sum();
            predicted += size * (size - 1) / 2;
            for (int n : truths.values()) {
                correct += (long) n * (n - 1) / 2;
            }
        }
        long actual = byTruth.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        double precision = predicted == 0 ? 1 : (double) correct / predicted;
        double recall = actual == 0 ? 1 : (double) correct / actual;
        System.out.printf("pairs of records:  precision %.4f  recall %.4f  F1 %.4f  (%d pairs put together, %d of %d true pairs)%n",
                precision, recall, f1(precision, recall), predicted, correct, actual);
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
