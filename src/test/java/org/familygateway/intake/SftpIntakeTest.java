package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.sshd.sftp.client.SftpClient;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.Metrics;
import org.familygateway.testing.SyntheticShares;
import org.familygateway.testing.TestGateway;
import org.familygateway.trust.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SftpIntakeTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");

    @Test
    void a_file_signed_and_uploaded_by_the_police_arrives_on_the_queue_and_a_signed_receipt_appears() throws Exception {
        ReferralType sent = fromPolice();
        byte[] file = CmsFiles.sign(Examples.xml(sent), POLICE.signingKey(), POLICE.signingCertificate());

        ReceiptType receipt;
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            police.upload("referral-1.p7m", file);
            receipt = gateway.receiptChecker().verify(police.awaitReceipt("referral-1.p7m"));
            List<String> inbox = police.withSftp(sftp -> names(sftp, "inbox"));
            assertThat(inbox).isEmpty();
        }

        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        assertThat(receipt.getPartnerId()).isEqualTo("example-police");
        assertThat(receipt.getChannel()).isEqualTo(ChannelType.SFTP);
        assertThat(receipt.getFileName()).isEqualTo("referral-1.p7m");
        assertThat(receipt.getMessageId()).isEqualTo(sent.getMessageId());
        assertThat(receipt.getPayloadDigest().getAlgorithm()).isEqualTo("SHA-256");
        assertThat(Digests.hex(file)).isEqualToIgnoringCase(java.util.HexFormat.of().formatHex(receipt.getPayloadDigest().getValue()));

        Delivered delivered = gateway.familyTeam().caseFrom(receipt.getReceiptId(), Duration.ofSeconds(15));
        CaseType received = delivered.asCase();
        assertThat(received.getSource()).filteredOn(source -> source.getReceiptId().equals(receipt.getReceiptId()))
                .singleElement().satisfies(source -> {
                    assertThat(source.getPartnerId()).isEqualTo("example-police");
                    assertThat(source.getChannel()).isEqualTo(ChannelType.SFTP);
                });
        assertThat(Examples.text(Examples.asSent(received, sent.getMessageId()))).isEqualTo(Examples.text(sent));
    }

    @Test
    void a_file_is_not_taken_while_it_is_still_being_written() throws Exception {
        byte[] file = CmsFiles.sign(Examples.xml(fromPolice()), POLICE.signingKey(), POLICE.signingCertificate());
        int half = file.length / 2;

        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            police.withSftp(sftp -> {
                try (OutputStream out = sftp.write("inbox/slow.p7m")) {
                    out.write(Arrays.copyOf(file, half));
                    out.flush();
                    await().atMost(Duration.ofSeconds(5)).until(() ->
                            Files.size(gateway.dataDir().resolve("sftp/partners/example-police/inbox/slow.p7m")) == half);
                    Thread.sleep(1000);
                    assertThat(arrivals()).isEmpty();
                    assertThat(names(sftp, "receipts")).doesNotContain("slow.p7m.receipt.p7m");
                    out.write(Arrays.copyOfRange(file, half, file.length));
                }
                return null;
            });
            ReceiptType receipt = gateway.receiptChecker().verify(police.awaitReceipt("slow.p7m"));
            assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        }
        gateway.familyTeam().nextCase(Duration.ofSeconds(15));
    }

    @Test
    void an_upload_abandoned_midway_is_discarded_and_never_processed() throws Exception {
        byte[] file = CmsFiles.sign(Examples.xml(fromPolice()), POLICE.signingKey(), POLICE.signingCertificate());
        var partial = gateway.dataDir().resolve("sftp/partners/example-police/inbox/abandoned.p7m");

        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            police.withSftp(sftp -> {
                OutputStream out = sftp.write("inbox/abandoned.p7m");
                out.write(Arrays.copyOf(file, file.length / 2));
                out.flush();
                await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(partial) && Files.size(partial) > 0);
                return null; // the session closes with the file still open, as when a connection drops
            });
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(partial));
        assertThat(arrivals()).isEmpty();
        gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(1));
        List<AuditEvent> latest = gateway.audit().latest(5);
        assertThat(latest).noneMatch(e -> "abandoned.p7m".equals(e.entry().detail()));
    }

    @Test
    void a_share_with_more_rejected_records_than_a_receipt_lists_is_answered_with_the_first_thousand_and_a_count_of_the_rest()
            throws Exception {
        // 3,000 records of a school share, every other attendance record with more absences than sessions: about 1,350
        // rejected, more than the receipt lists (1,000), which made a signed receipt larger than its column once held
        PartnerIdentity school = TestGateway.partner("example-school");
        java.nio.file.Path share = SyntheticShares.write(Files.createTempFile("share-", ".xml"), 3000, 2, 11);
        byte[] file = CmsFiles.sign(Files.readAllBytes(share), school.signingKey(), school.signingCertificate());
        Files.delete(share);

        ReceiptType receipt;
        try (SftpPartnerClient client = gateway.sftpClient(school)) {
            client.upload("term-with-errors.p7m", file);
            receipt = gateway.receiptChecker().verify(client.awaitReceipt("term-with-errors.p7m"));
        }

        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.PARTIALLY_ACCEPTED);
        long rejected = receipt.getRecords().getRejected().longValueExact();
        assertThat(rejected).isGreaterThan(1000);
        assertThat(receipt.getRecords().getAccepted().longValueExact() + rejected).isEqualTo(3000);
        assertThat(receipt.getRejectedRecord()).hasSize(1000);
        assertThat(receipt.getRecords().getRejectedNotListed().longValueExact()).isEqualTo(rejected - 1000);
        assertThat(gateway.audit().forReceipt(receipt.getReceiptId())).extracting(AuditEvent::type)
                .contains(AuditEventType.ACCEPTED, AuditEventType.RECEIPT_SENT);
    }

    @Test
    void an_arrival_that_cannot_even_be_refused_stays_in_arrivals_and_is_tried_again_with_a_growing_wait_until_it_is_answered()
            throws Exception {
        ReferralType sent = fromPolice();
        byte[] file = CmsFiles.sign(Examples.xml(sent), POLICE.signingKey(), POLICE.signingCertificate());
        double acceptedBefore = acceptedFromPolice();
        Path receipts = gateway.dataDir().resolve("sftp/partners/example-police/receipts");
        Path receiptsAside = receipts.resolveSibling("receipts-aside");
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            // receipts/ is not a folder: the gateway can write neither a receipt nor a refusal
            Files.move(receipts, receiptsAside);
            Files.writeString(receipts, "not a folder");
            try {
                police.upload("stuck.p7m", file);
                await().atMost(Duration.ofSeconds(30)).until(() -> metric("fg_sftp_arrivals_failing") == 1);
                String receiptId = arrivals().stream().filter(name -> name.endsWith("stuck.p7m")).findFirst().orElseThrow()
                        .split(UploadCompletion.SEPARATOR)[0];
                // without a back-off it would be taken again on every poll, each try about 3.5 s of redeliveries
                Thread.sleep(9_000);
                assertThat(arrivals()).anyMatch(name -> name.endsWith("stuck.p7m"));
                assertThat(gateway.audit().forReceipt(receiptId)).filteredOn(e -> e.type() == AuditEventType.RECEIVED)
                        .hasSizeBetween(1, 2);
                // it was accepted at its first try (durable, going to the family team); only its receipt failed,
                // and a message accepted is never refused after (nor quarantined), whenever the folder comes back
                assertThat(gateway.audit().forReceipt(receiptId)).anyMatch(e -> e.type() == AuditEventType.ACCEPTED)
                        .noneMatch(e -> e.type() == AuditEventType.REJECTED);
            } finally {
                Files.delete(receipts);
                Files.move(receiptsAside, receipts);
            }
            ReceiptType receipt = gateway.receiptChecker().verify(police.awaitReceipt("stuck.p7m"));
            assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            assertThat(receipt.getMessageId()).isEqualTo(sent.getMessageId());
            await().atMost(Duration.ofSeconds(5)).until(() -> metric("fg_sftp_arrivals_failing") == 0);
            assertThat(arrivals()).noneMatch(name -> name.endsWith("stuck.p7m"));
            assertThat(gateway.audit().forReceipt(receipt.getReceiptId())).noneMatch(e -> e.type() == AuditEventType.REJECTED);
            // each try is audited from RECEIVED on; every try after the first says it is one, and how far the last got
            List<AuditEvent> received = gateway.audit().forReceipt(receipt.getReceiptId()).stream()
                    .filter(e -> e.type() == AuditEventType.RECEIVED).toList();
            assertThat(received).hasSizeGreaterThanOrEqualTo(2);
            assertThat(received.get(0).entry().detail()).isNull();
            assertThat(received.subList(1, received.size())).allSatisfy(e -> assertThat(e.entry().detail())
                    .startsWith("taken up again: an earlier try of this arrival got as far as ")
                    .endsWith("accepted then, still goes to the family team once"));
            Delivered delivered = gateway.familyTeam().caseFrom(receipt.getReceiptId(), Duration.ofSeconds(15));
            assertThat(delivered.asCase().getSource()).filteredOn(source -> source.getMessageId().equals(sent.getMessageId()))
                    .hasSize(1);
            // one message accepted, however many tries were audited ACCEPTED
            assertThat(acceptedFromPolice() - acceptedBefore).isEqualTo(1.0);
        }
    }

    private static double acceptedFromPolice() throws Exception {
        return Metrics.scrape(gateway.settings().operations().portOrDefault())
                .sum("fg_messages_accepted_total", "partner=\"example-police\"");
    }

    private static double metric(String name) throws Exception {
        return Metrics.scrape(gateway.settings().operations().portOrDefault()).value(name).orElse(-1);
    }

    private static ReferralType fromPolice() {
        ReferralType referral = Examples.referral();
        referral.getReferrer().getAgency().setPartnerId("example-police");
        referral.getReferrer().getAgency().setName("Example Constabulary");
        referral.getReferrer().getAgency().setKind(AgencyKindType.POLICE);
        return referral;
    }

    private static List<String> arrivals() throws Exception {
        try (var files = Files.walk(gateway.dataDir().resolve("sftp/arrivals"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> names(SftpClient sftp, String folder) throws java.io.IOException {
        return StreamSupport.stream(sftp.readDir(folder).spliterator(), false)
                .map(SftpClient.DirEntry::getFilename)
                .filter(name -> !name.startsWith("."))
                .toList();
    }

    static List<AuditEventType> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }
}
