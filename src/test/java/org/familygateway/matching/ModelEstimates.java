package org.familygateway.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.familygateway.matching.synthetic.LabelledRecord;

/**
 * Checks the Fellegi-Sunter parameters against labelled records: how often each agreement level
 * occurs between two records of the same person (observed m) and between records of two different
 * people drawn at random (observed u), beside the model's m and u. Used by the model benchmark.
 */
public final class ModelEstimates {

    private final PairScorer scorer = new PairScorer(new NameComparison(Nicknames.english()),
            new ResidenceComparison(new CandidateIndex()));
    private final Map<Evidence, Integer> matches = new EnumMap<>(Evidence.class);
    private final Map<Evidence, Integer> nonMatches = new EnumMap<>(Evidence.class);
    private final Map<Evidence.Field, Integer> matchPairs = new EnumMap<>(Evidence.Field.class);
    private final Map<Evidence.Field, Integer> nonMatchPairs = new EnumMap<>(Evidence.Field.class);

    /** Counts levels over consecutive records of each person, and over as many random pairs of different people. */
    public static ModelEstimates of(List<LabelledRecord> records, long seed) {
        ModelEstimates estimates = new ModelEstimates();
        Map<Integer, LabelledRecord> last = new HashMap<>();
        int pairs = 0;
        for (LabelledRecord record : records) {
            LabelledRecord before = last.put(record.truthId(), record);
            if (before != null) {
                estimates.count(before, record, estimates.matches, estimates.matchPairs);
                pairs++;
            }
        }
        Random random = new Random(seed);
        for (int counted = 0; counted < pairs;) {
            LabelledRecord one = records.get(random.nextInt(records.size()));
            LabelledRecord other = records.get(random.nextInt(records.size()));
            if (one.truthId() != other.truthId()) {
                estimates.count(one, other, estimates.nonMatches, estimates.nonMatchPairs);
                counted++;
            }
        }
        return estimates;
    }

    /** The table: level, the model's m and u, and the observed ones. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-28s %8s %10s %10s %12s %8s", "level", "m", "observed m", "u", "observed u", "weight"));
        for (Evidence level : Evidence.values()) {
            lines.add(String.format("%-28s %8.4f %10.4f %10.6f %12.6f %+8.1f", level, level.m(), share(matches, matchPairs, level),
                    level.u(), share(nonMatches, nonMatchPairs, level), level.weight()));
        }
        return lines;
    }

    private void count(LabelledRecord one, LabelledRecord other, Map<Evidence, Integer> levels, Map<Evidence.Field, Integer> pairs) {
        Profile a = Profile.of(one.record());
        IndexedPerson b = new IndexedPerson(0);
        b.add(Profile.of(other.record()));
        List<Evidence> evidence = new ArrayList<>(scorer.personal(a, b.profiles().get(0)));
        Evidence where = new ResidenceComparison(new CandidateIndex()).compare(a, new Neighbourhood(a, new CandidateIndex()), b);
        if (where != null) {
            evidence.add(where);
        }
        for (Evidence level : evidence) {
            levels.merge(level, 1, Integer::sum);
        }
        for (Evidence.Field field : Evidence.Field.values()) {
            pairs.merge(field, 1, Integer::sum);
        }
    }

    private static double share(Map<Evidence, Integer> levels, Map<Evidence.Field, Integer> pairs, Evidence level) {
        int total = pairs.getOrDefault(level.field(), 0);
        return total == 0 ? 0 : (double) levels.getOrDefault(level, 0) / total;
    }
}
