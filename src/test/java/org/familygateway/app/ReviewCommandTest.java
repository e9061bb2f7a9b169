package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.AgencyRecord.Gender;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchSettings;
import org.familygateway.matching.PersonIndex;
import org.familygateway.model.Pseudonyms;
import org.familygateway.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The review command against a real index: list, show and decide, each decision recorded. */
class ReviewCommandTest {

    @TempDir
    Path folder;

    @Test
    void a_reviewer_lists_shows_confirms_and_unlinks_from_the_command_line_and_reads_the_decisions_back() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("db").resolve("gateway").toAbsolutePath();
        String[] settings = {"--config", Project.config().toString(), "--set", "dataDir=" + folder.toAbsolutePath(),
                "--set", "database.url=" + url, "--set", "database.user=gateway"};
        try (Database database = Database.open(url, "gateway", "")) {
            PersonIndex index = PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, new Pseudonyms(new byte[32]), Clock.systemUTC());
            index.match(leo("3 Old Road", "NR2 1AA", "A12345678901B"));
            assertThat(index.match(leo("1 Far Lane", "LS2 9JT", null)).outcome()).isEqualTo(MatchOutcome.REVIEW);
        }

        String listed = run("review", "list", settings);
        assertThat(listed).contains("1 open item(s)").contains("could be a namesake");
        String shown = run("review", "show", settings, "1");
        assertThat(shown).contains("candidate person 1:").contains("Leo Walker").contains("3 Old Road").contains("1 Far Lane");
        String confirmed = run("review", "confirm", settings, "1", "--by", "ig.officer", "--reason", "same pupil, moved");
        assertThat(confirmed).contains("recorded decision 1: CONFIRM of record 2 (person 2), now person 1, subject ps_");
        assertThat(run("review", "list", settings)).contains("0 open item(s)");
        String unlinked = run("review", "unlink", settings, "2", "--by", "ig.officer", "--reason", "a different boy after all");
        assertThat(unlinked).contains("recorded decision 2: UNLINK of record 2 (person 1)");
        assertThat(run("review", "decisions", settings)).contains("UNLINK", "a different boy after all", "CONFIRM", "same pupil, moved");

        // each decision is audited by who made it, about whom (a pseudonym), never with the reviewer's free text;
        // the households concerned are due to be decided again, and a running gateway will reload its people
        try (Database database = Database.open(url, "gateway", "")) {
            List<org.familygateway.audit.AuditEvent> audited = new org.familygateway.audit.AuditTrail(database.dataSource(), Clock.systemUTC())
                    .latest(20).stream().filter(e -> e.type() == org.familygateway.audit.AuditEventType.MATCH_REVIEWED).toList();
            assertThat(audited).hasSize(2).allSatisfy(e -> {
                assertThat(e.entry().actor()).isEqualTo("ig.officer");
                assertThat(e.entry().subjects()).singleElement().asString().startsWith("ps_");
                assertThat(e.entry().detail()).doesNotContain("pupil", "boy", "Leo");
            });
            assertThat(audited).extracting(e -> e.entry().detail()).anyMatch(d -> d.startsWith("CONFIRM of record 2: person 2, now person 1"));
            try (var connection = database.dataSource().getConnection();
                 var rows = connection.createStatement().executeQuery("select instance from household_step")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("review-command");
            }
            try (var connection = database.dataSource().getConnection();
                 var rows = connection.createStatement().executeQuery("select count(*) from household_case where review_on <= current_date")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the households Leo lived in").isEqualTo(2);
            }
        }
    }

    private static AgencyRecord leo(String line, String postcode, String upn) {
        return new AgencyRecord("example-school", null, "Leo", null, "Walker", LocalDate.of(2012, 8, 30), Gender.MALE, upn, null, null,
                List.of(line), postcode, null, LocalDate.of(2024, 1, 1), null);
    }

    private static String run(String command, String subcommand, String[] settings, String... arguments) {
        List<String> args = new java.util.ArrayList<>(List.of(command, subcommand));
        args.addAll(List.of(settings));
        args.addAll(List.of(arguments));
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new GatewayCommand()).execute(args.toArray(String[]::new));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
