package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.familygateway.app.GatewayCommand;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.RejectedRecordType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.Project;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import picocli.CommandLine;

/**
 * Every agreement and consent decision at admission, through the real intakes, against agreements
 * written for the test: the outcome, the reason, the receipt and the audit event of each. Then an
 * agreement suspended and resumed by command and ended in its file while the gateway runs (each
 * taking effect on the next message, and audited), and the IG usage report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgreementEnforcementTest {

    private static final Path AGREEMENTS = TestAgreements.write();

    @RegisterExtension
    static final TestGateway gateway = new TestGateway(Map.of("agreements", AGREEMENTS.toString()));

    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]*)</MessageId>");
    private static final String SCHOOL_BASIS = "PUBLIC_TASK/CHILDREN_ACT_2004_S10";

    /** One decision path: what is sent, by whom, and what must come back and be audited. */
    record Path_(String path, String sender, String sample, UnaryOperator<String> edit, String outcome, String reason,
                 AuditEventType audited, String basis) {
    }

    static List<Path_> paths() {
        UnaryOperator<String> asSent = text -> text;
        UnaryOperator<String> policeReferralFromTheSchool = text -> text.replace("example-police", "example-school")
                .replace("<Kind>POLICE</Kind>", "<Kind>SCHOOL</Kind>");
        return List.of(
                new Path_("no agreement names the partner", "example-health", "share-from-health.xml", asSent,
                        "REJECTED", "AGREEMENT_MISSING", AuditEventType.REJECTED, null),
                new Path_("the partner's agreement is suspended", "example-police", "share-from-police.xml", asSent,
                        "REJECTED", "AGREEMENT_SUSPENDED", AuditEventType.REJECTED, null),
                new Path_("the partner's agreement has ended", "example-housing", "share-from-housing.xml", asSent,
                        "REJECTED", "AGREEMENT_ENDED", AuditEventType.REJECTED, null),
                new Path_("the partner's agreement is not yet in force (by SFTP)", "example-jobcentre", "share-from-jobcentre.xml", asSent,
                        "REJECTED", "AGREEMENT_NOT_IN_FORCE", AuditEventType.REJECTED, null),
                new Path_("records of categories not covered are rejected, covered ones go on", "example-school", "share-from-school.xml",
                        asSent, "PARTIALLY_ACCEPTED", "CATEGORY_NOT_COVERED", AuditEventType.ACCEPTED, SCHOOL_BASIS),
                new Path_("a message of a category not covered is rejected whole", "example-childrens-services", "referral-from-school.xml",
                        text -> text.replace("example-school", "example-childrens-services").replace("<Kind>SCHOOL</Kind>",
                                "<Kind>CHILDRENS_SERVICES</Kind>"), "REJECTED", "CATEGORY_NOT_COVERED", AuditEventType.REJECTED, null),
                new Path_("a referral with valid consent", "example-school", "referral-from-school.xml", asSent,
                        "ACCEPTED", null, AuditEventType.ACCEPTED, "CONSENT"),
                new Path_("a consent update the agreement covers", "example-school", "consent-given.xml", asSent,
                        "ACCEPTED", null, AuditEventType.ACCEPTED, SCHOOL_BASIS),
                new Path_("consent that has expired is held", "example-school", "referral-from-school.xml",
                        text -> text.replace("</Scope>", "</Scope><ExpiresOn>2026-11-01</ExpiresOn>"),
                        "REJECTED", "CONSENT_INVALID", AuditEventType.REJECTED, null),
                new Path_("consent given by the child is held", "example-school", "referral-from-school.xml",
                        text -> text.replace("<GivenBy>p1</GivenBy>", "<GivenBy>p2</GivenBy>"),
                        "REJECTED", "CONSENT_INVALID", AuditEventType.REJECTED, null),
                new Path_("consent whose scope leaves out the family team is held", "example-school", "referral-from-school.xml",
                        text -> text.replace("<Recipient>FAMILY_TEAM</Recipient>", "<Recipient>EARLY_HELP_TEAM</Recipient>"),
                        "REJECTED", "CONSENT_INVALID", AuditEventType.REJECTED, null),
                new Path_("consent whose scope leaves out a purpose is held", "example-school", "referral-from-school.xml",
                        text -> text.replace("<Purpose>COORDINATE_SUPPORT</Purpose>", ""),
                        "REJECTED", "CONSENT_INVALID", AuditEventType.REJECTED, null),
                new Path_("a named lawful basis the agreement accepts instead of consent is flagged for IG review", "example-school",
                        "referral-on-safeguarding-basis-from-police.xml", policeReferralFromTheSchool, "ACCEPTED", null,
                        AuditEventType.FLAGGED_FOR_IG_REVIEW, "PUBLIC_TASK/CRIME_AND_DISORDER_ACT_1998_S115/SUBSTANTIAL_PUBLIC_INTEREST_SAFEGUARDING"),
                new Path_("a lawful basis the agreement does not accept instead of consent is held", "example-school",
                        "referral-on-safeguarding-basis-from-police.xml", text -> policeReferralFromTheSchool.apply(text)
                        .replace("CRIME_AND_DISORDER_ACT_1998_S115", "CHILDREN_ACT_2004_S11"), "REJECTED", "CONSENT_MISSING",
                        AuditEventType.REJECTED, null));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> every_decision_path_gives_its_outcome_reason_receipt_and_audit_event() {
        return paths().stream().map(p -> DynamicTest.dynamicTest(p.path(), () -> check(p)));
    }

    @Test
    @Order(2)
    void suspending_resuming_and_ending_an_agreement_take_effect_on_the_next_message_and_are_audited() throws IOException {
        assertThat(sendShare().getOutcome().value()).isEqualTo("ACCEPTED");

        run("agreements", "suspend", "test-childrens", "--reason", "breach investigation", "--by", "ig.lead");
        ReceiptType suspended = sendShare();
        assertThat(reasons(suspended)).containsExactly("AGREEMENT_SUSPENDED");
        assertThat(changes()).anySatisfy(e -> assertThat(e.actor() + " " + e.detail()).isEqualTo("ig.lead suspended by command: breach investigation"));

        run("agreements", "resume", "test-childrens", "--reason", "investigation closed", "--by", "ig.lead");
        assertThat(sendShare().getOutcome().value()).isEqualTo("ACCEPTED");

        Files.writeString(AGREEMENTS.resolve("childrens.yaml"), TestAgreements.childrens("ended"));
        ReceiptType ended = sendShare();
        assertThat(reasons(ended)).containsExactly("AGREEMENT_ENDED");
        assertThat(changes()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("agreement files");
            assertThat(e.detail()).startsWith("changed in its file: ACTIVE -> ENDED");
        });
        assertThat(run("agreements", "list")).contains("test-childrens", "ENDED", "investigation closed");
    }

    @Test
    @Order(3)
    void the_usage_report_counts_messages_and_records_by_agreement_partner_and_category() {
        check(paths().get(4));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        String report = run("agreements", "usage", "--from", today, "--to", today);

        assertThat(report).containsPattern("test-school\\s+example-school\\s+ATTENDANCE\\s+[1-9]\\d*\\s+[1-9]\\d*")
                .containsPattern("test-school\\s+example-school\\s+REFERRAL\\s+[1-9]");
        assertThat(report).doesNotContain("EXCLUSIONS");
    }

    private static void check(Path_ p) {
        String text = p.edit().apply(fresh(p.sample()));
        ReceiptType receipt = p.sender().equals("example-jobcentre") ? bySftp(p.sender(), text) : bySoap(p.sender(), text);

        assertThat(receipt.getOutcome().value()).as("outcome; reasons " + reasons(receipt)).isEqualTo(p.outcome());
        if (p.outcome().equals("PARTIALLY_ACCEPTED")) {
            assertThat(receipt.getRejectedRecord()).isNotEmpty().allSatisfy(r -> assertThat(codes(r)).contains(p.reason()));
            assertThat(receipt.getRecords().getAccepted().intValue()).isPositive();
        } else if (p.reason() != null) {
            assertThat(reasons(receipt)).first().isEqualTo(p.reason());
            assertThat(receipt.getReason().get(0).getMessage()).doesNotContain("Alex", "Sam", "NR1");
        } else {
            assertThat(receipt.getReason()).isEmpty();
        }
        // accepted or refused, the receipt and the audit name the partner's own id for the message
        Matcher sent = MESSAGE_ID.matcher(text);
        assertThat(sent.find()).isTrue();
        assertThat(receipt.getMessageId()).isEqualTo(sent.group(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<AuditEntry> entries = gateway.audit().forReceipt(receipt.getReceiptId()).stream().map(AuditEvent::entry).toList();
            assertThat(entries).extracting(AuditEntry::type).contains(p.audited());
            if (p.reason() != null) {
                assertThat(entries).filteredOn(e -> e.type() == AuditEventType.REJECTED).extracting(AuditEntry::reasonCode).contains(p.reason());
                assertThat(entries).filteredOn(e -> e.type() == AuditEventType.REJECTED).extracting(AuditEntry::senderMessageId)
                        .containsOnly(sent.group(1));
            }
            if (p.basis() != null) {
                AuditEntry accepted = entries.stream().filter(e -> e.type() == AuditEventType.ACCEPTED).findFirst().orElseThrow();
                assertThat(accepted.agreementId()).isEqualTo("test-school");
                assertThat(accepted.lawfulBasis()).isEqualTo(p.basis());
            } else {
                assertThat(entries).extracting(AuditEntry::type).doesNotContain(AuditEventType.ACCEPTED);
            }
        });
    }

    private static ReceiptType sendShare() {
        return bySoap("example-childrens-services", fresh("share-from-childrens-services.xml"));
    }

    private static List<AuditEntry> changes() {
        return gateway.audit().latest(50).stream().map(AuditEvent::entry)
                .filter(e -> e.type() == AuditEventType.AGREEMENT_CHANGED && "test-childrens".equals(e.agreementId())).toList();
    }

    private static ReceiptType bySoap(String sender, String text) {
        RawSoap soap = gateway.rawSoap();
        byte[] envelope = soap.signedEnvelope(text.getBytes(StandardCharsets.UTF_8), TestGateway.partner(sender));
        Matcher root = Pattern.compile("<(Referral|InformationShare|ConsentUpdate)[\\s>]").matcher(text);
        root.find();
        RawSoap.Response response = soap.post(envelope, root.group(1));
        return response.status() == 200 ? response.acknowledgement() : response.rejection();
    }

    private static ReceiptType bySftp(String sender, String text) {
        PartnerIdentity partner = TestGateway.partner(sender);
        byte[] file = CmsFiles.sign(text.getBytes(StandardCharsets.UTF_8), partner.signingKey(), partner.signingCertificate());
        String name = "agreements-" + UUID.randomUUID().toString().substring(0, 8) + ".p7m";
        try (SftpPartnerClient client = gateway.sftpClient(partner)) {
            client.upload(name, file);
            return gateway.receiptChecker().verify(client.awaitReceipt(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fresh(String sample) {
        try {
            String text = Files.readString(Project.examples().resolve(sample));
            Matcher id = MESSAGE_ID.matcher(text);
            id.find();
            return text.substring(0, id.start()) + "<MessageId>" + id.group(1) + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "</MessageId>" + text.substring(id.end());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> reasons(ReceiptType receipt) {
        return receipt.getReason().stream().map(r -> r.getCode().value()).toList();
    }

    private static List<String> codes(RejectedRecordType record) {
        return record.getReason().stream().map(r -> r.getCode().value()).toList();
    }

    private static String run(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(List.of("--config", Project.config().toString(), "--set", "dataDir=" + gateway.dataDir().toAbsolutePath(),
                "--set", "agreements=" + AGREEMENTS));
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

    /** The agreements the test runs under, one partner in each state. */
    static final class TestAgreements {

        private TestAgreements() {
        }

        static Path write() {
            try {
                Path folder = Files.createTempDirectory("agreements-test-");
                folder.toFile().deleteOnExit();
                Files.writeString(folder.resolve("school.yaml"), agreement("test-school", "active", "2026-01-01", null,
                        "example-school", "[REFERRAL, CONSENT, ATTENDANCE]", "CHILDREN_ACT_2004_S10", null));
                Files.writeString(folder.resolve("police.yaml"), agreement("test-police", "suspended", "2026-01-01", null,
                        "example-police", "[ASB, DOMESTIC_ABUSE, OFFENCES, CUSTODY_AND_PROBATION]", "CRIME_AND_DISORDER_ACT_1998_S115",
                        "SUBSTANTIAL_PUBLIC_INTEREST_SAFEGUARDING"));
                Files.writeString(folder.resolve("housing.yaml"), agreement("test-housing", "active", "2025-01-01", "2026-01-31",
                        "example-housing", "[ASB, TENANCY, HOMELESSNESS]", "CRIME_AND_DISORDER_ACT_1998_S115", null));
                Files.writeString(folder.resolve("jobcentre.yaml"), agreement("test-jobcentre", "active", "2099-01-01", null,
                        "example-jobcentre", "[BENEFITS, EMPLOYMENT]", "WELFARE_REFORM_ACT_2012_S131", null));
                Files.writeString(folder.resolve("childrens.yaml"), childrens("active"));
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String childrens(String status) {
            return agreement("test-childrens", status, "2026-01-01", null, "example-childrens-services",
                    "[CHILDRENS_SOCIAL_CARE, PROFESSIONAL_CONCERN]", "CHILDREN_ACT_1989_S17", "SUBSTANTIAL_PUBLIC_INTEREST_SAFEGUARDING");
        }

        private static String agreement(String id, String status, String from, String to, String partner, String categories,
                                        String gateway, String article9) {
            return "id: " + id + "\ntitle: Test agreement " + id + "\nstatus: " + status + "\nvalidFrom: " + from + "\n"
                    + (to == null ? "" : "validTo: " + to + "\n")
                    + "purposes: [IDENTIFY_FAMILIES, COORDINATE_SUPPORT]\n"
                    + "consent:\n  required: true\n  acceptedInstead: [CRIME_AND_DISORDER_ACT_1998_S115]\n  maxAge: P12M\n"
                    + "partners:\n  " + partner + ":\n    - categories: " + categories + "\n      article6: PUBLIC_TASK\n      gateway: "
                    + gateway + "\n" + (article9 == null ? "" : "      article9: " + article9 + "\n")
                    + "recipients:\n  FAMILY_TEAM: [REFERRAL, ATTENDANCE]\n";
        }
    }
}
