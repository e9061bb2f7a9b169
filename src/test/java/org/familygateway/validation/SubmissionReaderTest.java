package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.familygateway.model.RecordRejection;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.testing.Examples;
import org.familygateway.testing.Shares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path work;

    private final SubmissionReader reader = new SubmissionReader(10_000_000, 1_000_000, 3, 100);

    @Test
    void a_valid_referral_passes_whole_and_its_sender_message_id_is_read() {
        var referral = Examples.referral();
        Submission submission = read(Examples.xml(referral), "example-school");
        assertThat(submission.type()).isEqualTo("Referral");
        assertThat(submission.senderMessageId()).isEqualTo(referral.getMessageId());
        assertThat(submission.isShare()).isFalse();
    }

    @Test
    void a_dtd_is_refused_before_anything_in_it_is_read() {
        Rejection rejection = reject("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Referral xmlns=\"urn:familygateway:v1\">&x;</Referral>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
    }

    @Test
    void an_entity_expansion_bomb_is_refused_as_a_dtd() {
        Rejection rejection = reject("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<Referral xmlns=\"urn:familygateway:v1\">&lol2;</Referral>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
    }

    @Test
    void an_entity_reference_without_a_dtd_is_refused_too() {
        assertThat(reject("<Referral xmlns=\"urn:familygateway:v1\">&x;</Referral>").code())
                .isEqualTo(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
    }

    @Test
    void schema_errors_name_the_element_path_and_withhold_the_value() {
        Rejection rejection = reject(Examples.text(Examples.referral()).replace("AB123456C", "QQ12"));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SCHEMA_INVALID);
        assertThat(rejection.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/Referral/Household/Member/Identifiers/NINumber"));
        assertThat(rejection.problems()).allSatisfy(p -> assertThat(p.getMessage()).doesNotContain("QQ12"));
    }

    @Test
    void every_schema_error_is_reported_not_only_the_first() {
        String xml = Examples.text(Examples.referral()).replace("<Gender>MALE</Gender>", "<Gender>BOY</Gender>")
                .replace("<Postcode>NR1 2AB</Postcode>", "<Postcode>nowhere</Postcode>");
        assertThat(reject(xml).problems()).extracting(p -> p.location().orElse(""))
                .anyMatch(l -> l.startsWith("/Referral/Household/Address/Postcode"))
                .anyMatch(l -> l.startsWith("/Referral/Household/Member[2]/Gender"));
    }

    @Test
    void identifiers_are_checked_beyond_their_shape_wherever_they_appear() {
        String xml = Examples.text(Examples.referral()).replace("U926200119001", "A926200119001")
                .replace("9434765919", "9434765918").replace("NR1 2AB", "NR1 2CB");
        assertThat(reject(xml).problems()).extracting(Rejection::code)
                .contains(ReasonCodeType.INVALID_UPN, ReasonCodeType.INVALID_NHS_NUMBER, ReasonCodeType.INVALID_POSTCODE);
    }

    @Test
    void a_refusal_found_after_the_message_id_names_it_but_never_an_id_the_schema_refuses() {
        ReferralType referral = Examples.referral();
        String future = Examples.text(referral).replace("<ObservedOn>2026-10-20</ObservedOn>", "<ObservedOn>2099-01-01</ObservedOn>");
        assertThat(reject(future).senderMessageId()).contains(referral.getMessageId());

        String badId = future.replace(referral.getMessageId(), "not an id: spaces and a name, Sam Example");
        Rejection refused = reject(badId);
        assertThat(refused.problems()).extracting(Rejection::code).contains(ReasonCodeType.SCHEMA_INVALID);
        assertThat(refused.senderMessageId()).isEmpty();
    }

    @Test
    void a_date_in_the_future_is_refused_but_an_expiry_date_may_be() {
        String future = Examples.text(Examples.referral()).replace("<ObservedOn>2026-10-20</ObservedOn>", "<ObservedOn>2099-01-01</ObservedOn>");
        Rejection rejection = reject(future);
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.DATE_IN_FUTURE);
        assertThat(rejection.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/Referral/Concern/ObservedOn"));

        String expiry = Examples.text(Examples.referral()).replace("</Scope>", "</Scope><ExpiresOn>2099-10-28</ExpiresOn>");
        assertThat(read(expiry.getBytes(StandardCharsets.UTF_8), "example-school").type()).isEqualTo("Referral");
    }

    @Test
    void a_child_member_must_be_under_18_on_the_date_of_the_message() {
        String xml = Examples.text(Examples.referral()).replace("<DateOfBirth>2017-09-03</DateOfBirth>", "<DateOfBirth>2000-01-01</DateOfBirth>");
        Rejection rejection = reject(xml);
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.INCONSISTENT_AGE);
        assertThat(rejection.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/Referral/Household/Member[2]/DateOfBirth"));
    }

    @Test
    void a_referral_naming_another_partner_as_referrer_is_refused() {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> read(Examples.xml(Examples.referral()), "example-police"));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SENDER_MISMATCH);
    }

    @Test
    void a_share_is_read_record_by_record_and_a_bad_record_is_reported_by_position_without_sinking_the_others() throws Exception {
        String share = Shares.share("example-school", "SCHOOL", Shares.attendance("a-1"), Shares.attendance("a-2", "U926200119001", 100, 60, 50),
                Shares.attendance("a-3"), Shares.attendance("a-4", "A926200119001", 100, 0, 0), Shares.attendance("a-5"));

        Submission submission = read(Shares.bytes(share), "example-school");

        assertThat(submission.isShare()).isTrue();
        assertThat(submission.records().received()).isEqualTo(5);
        assertThat(submission.records().accepted()).isEqualTo(3);
        assertThat(submission.records().listed()).extracting(RecordRejection::position, RecordRejection::recordId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "a-2"), org.assertj.core.groups.Tuple.tuple(4L, "a-4"));
        assertThat(submission.records().listed().get(0).problems().get(0).code()).isEqualTo(ReasonCodeType.INCONSISTENT_SESSIONS);
        assertThat(submission.records().listed().get(1).problems().get(0).code()).isEqualTo(ReasonCodeType.INVALID_UPN);
        assertThat(submission.records().listed().get(1).problems().get(0).location())
                .hasValueSatisfying(l -> assertThat(l).startsWith("/SchoolAttendance/Subject/Identifiers/UPN"));
        assertThat(submission.chunks()).hasSize(1);
        String chunk = Files.readString(submission.chunks().get(0));
        assertThat(chunk).contains("id=\"a-1\"", "id=\"a-3\"", "id=\"a-5\"").doesNotContain("id=\"a-2\"", "id=\"a-4\"").contains("<ShareHeader");
        assertThat(read(chunk.getBytes(StandardCharsets.UTF_8), "example-school").records().accepted())
                .as("a chunk is itself a valid share").isEqualTo(3);
        assertThat(Files.readString(submission.rejectedRecords())).contains("id=\"a-2\"", "id=\"a-4\"").doesNotContain("id=\"a-1\"");
    }

    @Test
    void the_records_of_a_long_share_are_checked_on_other_threads_yet_kept_in_order_and_placed_in_the_file() throws Exception {
        int count = RecordChecks.BATCH * 9 + 17;   // more batches than are ever out at once
        java.util.Set<Integer> bad = java.util.Set.of(1, RecordChecks.BATCH, RecordChecks.BATCH + 1, 1500, count);
        String[] records = new String[count];
        for (int i = 1; i <= count; i++) {
            records[i - 1] = bad.contains(i) ? Shares.attendance("r" + i, "A926200119001", 100, 0, 0) : Shares.attendance("r" + i);
        }
        SubmissionReader chunky = new SubmissionReader(100_000_000, 1_000_000, 500, 100);

        Submission submission = chunky.read(new ByteArrayInputStream(Shares.bytes(Shares.share("example-school", "SCHOOL", records))),
                "example-school", TODAY, work);

        assertThat(submission.records().received()).isEqualTo(count);
        assertThat(submission.records().accepted()).isEqualTo(count - bad.size());
        assertThat(submission.records().listed()).extracting(RecordRejection::position)
                .containsExactly(1L, (long) RecordChecks.BATCH, RecordChecks.BATCH + 1L, 1500L, (long) count);
        assertThat(submission.records().listed()).extracting(RecordRejection::recordId)
                .containsExactly("r1", "r" + RecordChecks.BATCH, "r" + (RecordChecks.BATCH + 1), "r1500", "r" + count);
        // Shares puts record n on line n + 3, two spaces in; the UPN starts 165 characters into it
        String record1500 = records[1499];
        int upnColumn = record1500.indexOf("<UPN>") + 1;
        assertThat(submission.records().listed().get(3).problems().get(0).location())
                .hasValue("/SchoolAttendance/Subject/Identifiers/UPN (line 1503, column " + upnColumn + ")");
        StringBuilder accepted = new StringBuilder();
        for (Path chunk : submission.chunks()) {
            accepted.append(Files.readString(chunk));
        }
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("id=\"r(\\d+)\"").matcher(accepted);
        int previous = 0;
        int seen = 0;
        while (ids.find()) {
            int id = Integer.parseInt(ids.group(1));
            assertThat(id).as("accepted records stay in the order read").isGreaterThan(previous);
            assertThat(bad).doesNotContain(id);
            previous = id;
            seen++;
        }
        assertThat(seen).isEqualTo(count - bad.size());
    }

    @Test
    void problems_in_a_record_laid_out_over_several_lines_are_placed_at_their_own_line_and_column() {
        String badUpn = Shares.attendance("m-2", "A926200119001", 100, 0, 0)
                .replace("<Identifiers>", "\n      <Identifiers>").replace("<UPN>", "\n        <UPN>");
        String unknownElement = Shares.attendance("m-3").replace("<Registration>", "\n    <Nickname>Sammy</Nickname><Registration>");
        // line 1 the prolog, 2 the share's root, 3 its header, 4 record m-1; m-2 starts on line 5
        String share = Shares.share("example-school", "SCHOOL", Shares.attendance("m-1"), badUpn, unknownElement);

        Submission submission = read(Shares.bytes(share), "example-school");

        assertThat(submission.records().listed()).extracting(RecordRejection::recordId).containsExactly("m-2", "m-3");
        Rejection upn = submission.records().listed().get(0).problems().get(0);
        assertThat(upn.code()).isEqualTo(ReasonCodeType.INVALID_UPN);
        assertThat(upn.location()).hasValue("/SchoolAttendance/Subject/Identifiers/UPN (line 7, column 9)");
        Rejection unknown = submission.records().listed().get(1).problems().get(0);
        assertThat(unknown.code()).isEqualTo(ReasonCodeType.SCHEMA_INVALID);
        assertThat(unknown.location()).hasValueSatisfying(l -> assertThat(l).contains("Nickname").endsWith("(line 9, column 5)"));
    }

    @Test
    void a_record_using_a_prefix_declared_on_the_share_is_checked_and_forwarded_with_it() throws Exception {
        String share = "<fg:InformationShare xmlns:fg=\"urn:familygateway:v1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + Shares.header("example-school", "SCHOOL", null).replace("<", "<fg:").replace("<fg:/", "</fg:")
                + Shares.attendance("p-1").replace("<", "<fg:").replace("<fg:/", "</fg:").replace("id=", "xsi:type=\"fg:SchoolAttendanceType\" id=")
                + "\n</fg:InformationShare>";

        Submission submission = read(Shares.bytes(share), "example-school");

        assertThat(submission.records().accepted()).as("%s", submission.records().listed()).isEqualTo(1);
        String chunk = Files.readString(submission.chunks().get(0));
        assertThat(read(chunk.getBytes(StandardCharsets.UTF_8), "example-school").records().accepted())
                .as("the chunk reads on its own: %s", chunk).isEqualTo(1);
    }

    @Test
    void accepted_records_are_spooled_in_chunks_of_the_configured_size() {
        String[] records = new String[7];
        for (int i = 0; i < records.length; i++) {
            records[i] = Shares.attendance("r" + i);
        }
        Submission submission = read(Shares.bytes(Shares.share("example-school", "SCHOOL", records)), "example-school");
        assertThat(submission.chunks()).hasSize(3);
    }

    @Test
    void a_share_none_of_whose_records_is_accepted_is_rejected_whole_with_each_record_listed() {
        Rejection rejection = reject(Shares.share("example-school", "SCHOOL", Shares.attendance("x", "A926200119001", 10, 0, 0)));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.INVALID_UPN);
        assertThat(rejection.records()).hasValueSatisfying(tally -> assertThat(tally.listed()).hasSize(1));
    }

    @Test
    void a_share_whose_header_count_differs_from_its_records_is_refused_as_truncated() {
        String share = "<InformationShare xmlns=\"urn:familygateway:v1\">" + Shares.header("example-school", "SCHOOL", 3L)
                + Shares.attendance("only-one") + "</InformationShare>";
        assertThat(reject(share).code()).isEqualTo(ReasonCodeType.RECORD_COUNT_MISMATCH);
    }

    @Test
    void a_share_from_another_sender_is_refused_whole() {
        Rejection rejection = catchThrowableOfType(Rejection.class,
                () -> read(Shares.bytes(Shares.share("example-school", "SCHOOL", Shares.attendance("a"))), "example-police"));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SENDER_MISMATCH);
    }

    @Test
    void an_age_at_offence_that_does_not_fit_the_date_of_birth_is_refused() {
        String record = Shares.offence("o-1", LocalDate.of(2026, 3, 1)).replace("<AgeAtOffence>15</AgeAtOffence>", "<AgeAtOffence>17</AgeAtOffence>");
        Rejection rejection = reject(Shares.share("example-police", "POLICE", record));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.INCONSISTENT_AGE);
    }

    @Test
    void a_record_whose_subject_nobody_could_identify_is_refused() {
        String record = "<AsbIntervention id=\"z\"><Subject><Name><Forename>A</Forename><Surname>B</Surname></Name></Subject>"
                + "<Kind>ASBO</Kind><HousingRelated>false</HousingRelated><IssuedBy>POLICE</IssuedBy><Period><From>2026-01-01</From></Period>"
                + "</AsbIntervention>";
        assertThat(reject(Shares.share("example-police", "POLICE", record)).code()).isEqualTo(ReasonCodeType.SUBJECT_NOT_IDENTIFIABLE);
    }

    @Test
    void a_message_that_is_not_a_submission_is_refused_even_if_it_is_valid_v1() {
        Rejection rejection = reject("<Receipt xmlns=\"urn:familygateway:v1\"/>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SCHEMA_INVALID);
        assertThat(rejection.getMessage()).contains("Referral");
    }

    @Test
    void truncated_xml_is_malformed_with_its_line() {
        String xml = Examples.text(Examples.referral());
        Rejection rejection = reject(xml.substring(0, xml.length() / 2));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_MALFORMED);
        assertThat(rejection.location()).hasValueSatisfying(l -> assertThat(l).startsWith("line "));
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        String xml = "<Referral xmlns=\"urn:familygateway:v1\">" + "<a>".repeat(SecureXml.MAX_DEPTH + 5)
                + "</a>".repeat(SecureXml.MAX_DEPTH + 5) + "</Referral>";
        assertThat(reject(xml).code()).isEqualTo(ReasonCodeType.XML_LIMIT_EXCEEDED);
    }

    private Submission read(byte[] xml, String sender) {
        return reader.read(new ByteArrayInputStream(xml), sender, TODAY, work);
    }

    private Rejection reject(String xml) {
        return catchThrowableOfType(Rejection.class, () -> read(xml.getBytes(StandardCharsets.UTF_8), null));
    }
}
