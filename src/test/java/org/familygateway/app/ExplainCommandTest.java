package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.familygateway.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The explain command, run in-process on the example household files as council staff would run it. */
class ExplainCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int explain(String... arguments) {
        CommandLine command = new CommandLine(new GatewayCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 1];
        all[0] = "explain";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return command.execute(all);
    }

    private static String rules(String id) {
        return Project.config().resolve("eligibility").resolve(id + ".yaml").toString();
    }

    private static String example(String id) {
        return Project.config().resolve("eligibility").resolve("examples").resolve(id + ".yaml").toString();
    }

    @Test
    void explains_the_national_example_household_in_plain_words() {
        int exit = explain("--rules", rules("national-2012"), "--household", example("national-2012"));

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Household example-national-1, evaluated on 8 April 2013 under \"Troubled Families national criteria, phase one (2012)\" (national-2012, version 1).")
                .contains("Decision: INCLUDED")
                .contains("All three national criteria are met, so the family is included in the programme automatically.")
                .contains("Problems (3 of 4 met)")
                .contains("[met]     A member under 18 with a proven offence in the last 12 months (YOUTH_OFFENCE), for sam")
                .contains("Evidence: Youth caution on 14 December 2012 for an offence on 3 November 2012 (criminal damage) [example-police (police), message police-share-2013-03, record po-7781-1, 14 December 2012]")
                .contains("sam: 61 of 380 possible sessions were unauthorised absences (16.05%) over summer 2011/12, autumn 2012/13 and spring 2012/13")
                .contains("[not met] A local criterion (LOCAL)")
                .contains("Readings of the document used")
                .contains("absence_averaging = AGGREGATE");
    }

    @Test
    void another_day_and_another_reading_can_be_asked_for() {
        int exit = explain("--rules", rules("national-2012"), "--household", example("national-2012"), "--on", "2014-01-20",
                "--set", "absence_term_window=INCLUDING_CURRENT");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("evaluated on 20 January 2014").contains("absence_term_window = INCLUDING_CURRENT")
                .contains("Decision: NOT ELIGIBLE").contains("What is missing");
    }

    @Test
    void a_bad_rule_file_stops_with_where_and_why(@TempDir Path folder) throws Exception {
        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Path.of(rules("national-2012"))).replace("at_least_percent: 15", "at_least_percent: fifteen"));

        int exit = explain("--rules", broken.toString(), "--household", example("national-2012"));

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("broken.yaml: problems[1].indicators[4].with.at_least_percent: expected a number, found 'fifteen'");
    }

    @Test
    void a_household_file_that_is_not_there_is_named() {
        int exit = explain("--rules", rules("barnet"), "--household", "no-such-household.yaml");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("no-such-household.yaml: there is no such file");
    }
}
