package org.familygateway.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a bulk information share of any size from a school, streaming to disk: termly attendance
 * for most pupils, some exclusions and alternative provision, every UPN with a correct check letter.
 * One record in {@code badEvery} has attendance that does not add up, so the rejection path is
 * exercised too. Deterministic for a seed.
 */
public final class SyntheticShares {

    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final String[] FORENAMES = {"Sam", "Alex", "Riley", "Jordan", "Casey", "Morgan", "Taylor", "Jamie", "Charlie", "Robin"};
    private static final String[] SURNAMES = {"Example", "Sample", "Specimen", "Testcase", "Mockford", "Dummett", "Placeholder"};
    private static final String[] TERMS = {"AUTUMN", "SPRING", "SUMMER"};

    private SyntheticShares() {
    }

    public static Path write(Path file, long records, long badEvery, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InformationShare xmlns=\"urn:familygateway:v1\">\n");
            out.write(Shares.header("example-school", "SCHOOL", records));
            StringBuilder record = new StringBuilder(1024);
            for (long i = 1; i <= records; i++) {
                record.setLength(0);
                boolean bad = badEvery > 0 && i % badEvery == 1;
                switch ((int) (i % 20)) {
                    case 0 -> exclusion(record, i, random);
                    case 7 -> provision(record, i, random);
                    default -> attendance(record, i, random, bad);
                }
                out.append(record);
            }
            out.write("</InformationShare>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void attendance(StringBuilder out, long i, SplittableRandom random, boolean bad) {
        int possible = 100 + random.nextInt(60);
        int authorised = random.nextInt(10);
        int unauthorised = bad ? possible + 1 : random.nextInt(25);
        out.append("  <SchoolAttendance id=\"att-").append(i).append("\">");
        subject(out, i, random);
        out.append("<SchoolUrn>").append(120000 + i % 400).append("</SchoolUrn><Registration>MAIN</Registration>")
                .append("<Term><AcademicYear>2025/26</AcademicYear><Term>").append(TERMS[(int) (i % 3)]).append("</Term></Term>")
                .append("<Covers><From>2025-09-03</From><To>2025-12-19</To></Covers>")
                .append("<SessionsPossible>").append(possible).append("</SessionsPossible>")
                .append("<SessionsAuthorisedAbsence>").append(authorised).append("</SessionsAuthorisedAbsence>")
                .append("<SessionsUnauthorisedAbsence>").append(unauthorised).append("</SessionsUnauthorisedAbsence>")
                .append("</SchoolAttendance>\n");
    }

    private static void exclusion(StringBuilder out, long i, SplittableRandom random) {
        out.append("  <SchoolExclusion id=\"exc-").append(i).append("\">");
        subject(out, i, random);
        out.append("<SchoolUrn>").append(120000 + i % 400).append("</SchoolUrn><Kind>FIXED_TERM</Kind>")
                .append("<StartDate>2026-0").append(1 + random.nextInt(6)).append("-1").append(random.nextInt(10)).append("</StartDate>")
                .append("<Sessions>").append(1 + random.nextInt(10)).append("</Sessions><Reason>PERSISTENT_DISRUPTIVE_BEHAVIOUR</Reason>")
                .append("</SchoolExclusion>\n");
    }

    private static void provision(StringBuilder out, long i, SplittableRandom random) {
        out.append("  <AlternativeProvision id=\"ap-").append(i).append("\">");
        subject(out, i, random);
        out.append("<Provider>Example Short Stay School</Provider><Kind>SHORT_STAY_SCHOOL</Kind>")
                .append("<Placement><From>2026-0").append(1 + random.nextInt(6)).append("-01</From></Placement>")
                .append("<Reason>PREVIOUS_EXCLUSION</Reason></AlternativeProvision>\n");
    }

    private static void subject(StringBuilder out, long i, SplittableRandom random) {
        out.append("<Subject><Name><Forename>").append(FORENAMES[random.nextInt(FORENAMES.length)]).append("</Forename><Surname>")
                .append(SURNAMES[random.nextInt(SURNAMES.length)]).append("</Surname></Name><DateOfBirth>20")
                .append(10 + random.nextInt(9)).append("-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                .append("</DateOfBirth><Identifiers><UPN>").append(upn(i)).append("</UPN></Identifiers></Subject>");
    }

    /** A UPN for pupil i: LA 926, then 11 more digits, with its check letter. */
    public static String upn(long i) {
        String body = "926" + String.format("%09d", i % 1_000_000_000L);
        int sum = 0;
        for (int p = 0; p < 12; p++) {
            sum += (body.charAt(p) - '0') * (p + 2);
        }
        return UPN_LETTERS.charAt(sum % 23) + body;
    }
}
