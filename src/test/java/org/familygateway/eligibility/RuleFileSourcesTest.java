package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.familygateway.testing.Project;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule file loads, and every quote in it is the cited document's own words on the cited lines
 * (whitespace aside, "…" for words left out). The source documents live beside the project
 * (../shared/seeds); where they are not, the quotes cannot be checked and the test says so.
 */
class RuleFileSourcesTest {

    static Stream<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Project.config().resolve("eligibility"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} loads, and its id is its file name")
    @MethodSource("ruleFiles")
    void every_rule_file_loads(Path file) {
        RuleSet rules = RuleSetFile.read(file);

        assertThat(rules.id() + ".yaml").isEqualTo(file.getFileName().toString());
        assertThat(rules.citations()).isNotEmpty();
    }

    @ParameterizedTest(name = "every quote in {0} is in its document")
    @MethodSource("ruleFiles")
    void every_quote_is_the_documents_own_words(Path file) throws IOException {
        Path seeds = seeds();
        assumeTrue(seeds != null, "the source documents (../shared/seeds) are not beside this project");
        List<String> wrong = new ArrayList<>();
        for (Citation citation : RuleSetFile.read(file).citations()) {
            Path document = seeds.resolve(citation.document());
            if (!Files.isRegularFile(document)) {
                wrong.add("no document " + citation.document());
            } else if (!quoted(Files.readAllLines(document, StandardCharsets.UTF_8), citation)) {
                wrong.add(citation.describe());
            }
        }
        assertThat(wrong).as("quotes not found on the lines cited").isEmpty();
    }

    private static boolean quoted(List<String> lines, Citation citation) {
        String[] range = citation.lines().split("-");
        int first = Integer.parseInt(range[0]);
        int last = Integer.parseInt(range[range.length - 1]);
        if (first < 1 || last > lines.size() || last < first) {
            return false;
        }
        String text = normal(String.join(" ", lines.subList(first - 1, last)));
        int at = 0;
        for (String fragment : citation.quote().split("…")) {
            int found = text.indexOf(normal(fragment), at);
            if (found < 0) {
                return false;
            }
            at = found + normal(fragment).length();
        }
        return true;
    }

    /** Tabs, runs of spaces and the extraction's non-breaking spaces all read as one space. */
    private static String normal(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    private static Path seeds() {
        String configured = System.getProperty("seeds.dir");
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Project.ROOT.resolveSibling("shared").resolve("seeds"));
        candidates.add(Project.ROOT.getParent().resolveSibling("shared").resolve("seeds"));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("000_e2f8ede2ec3cae99.txt"))).findFirst().orElse(null);
    }
}
