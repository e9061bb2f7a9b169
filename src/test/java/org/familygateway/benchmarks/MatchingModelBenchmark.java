package org.familygateway.benchmarks;

import java.util.List;
import java.util.Map;

import org.familygateway.matching.ModelEstimates;
import org.familygateway.matching.synthetic.Agencies;
import org.familygateway.matching.synthetic.LabelledRecord;
import org.familygateway.matching.synthetic.NoiseProfile;
import org.familygateway.matching.synthetic.World;

/**
 * The Fellegi-Sunter parameters beside the agreement rates observed on synthetic records: for each
 * level, m (same person) and u (different people, random pairs) as the model has them and as the
 * generated data shows them. Run with another seed than the quality benchmark's to keep tuning and
 * measuring apart.
 *
 * <pre>benchmarks/run MatchingModelBenchmark -- [--people 20000] [--seed 1]</pre>
 */
public final class MatchingModelBenchmark {

    public static void main(String[] args) {
        Map<String, String> options = Options.parse(args);
        int people = Integer.parseInt(options.getOrDefault("people", "20000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        World world = World.of(seed, NoiseProfile.DEFAULT, people);
        List<LabelledRecord> records = Agencies.extracts(world, seed + 1, NoiseProfile.DEFAULT);
        System.out.printf("%d records about %d people (seed %d, default noise profile)%n", records.size(), world.people(), seed);
        ModelEstimates.of(records, seed).table().forEach(System.out::println);
    }
}
