package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Message;

import org.familygateway.model.Headers;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.SyntheticShares;
import org.familygateway.testing.IntakeQueueBrowser;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A share's chunks go to the broker while the share is still being read, in one transaction: the
 * household step sees them only once the share is accepted, and a share refused at its end leaves
 * nothing on gateway.intake though chunks of it were sent. Real SFTP, real signatures, the gateway's
 * broker; the household step is stopped so that what is on the queue stays to be looked at.
 */
class ShareChunksTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]+)</MessageId>");

    @BeforeAll
    static void stopTheHouseholdStep() throws Exception {
        gateway.gateway().camelContext().getRouteController().stopRoute("pipeline");
    }

    @Test
    void an_accepted_share_is_on_the_queue_in_numbered_chunks_each_naming_the_agreements_its_records_were_shared_under()
            throws Exception {
        String xml = share(1200);
        ReceiptType receipt = upload("term.p7m", xml);

        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        List<Message> chunks = onQueue(messageId(xml));
        assertThat(chunks).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Message chunk = chunks.get(i);
            assertThat(chunk.getIntProperty("fgChunk")).isEqualTo(i);
            assertThat(chunk.getStringProperty(Headers.MESSAGE_TYPE)).isEqualTo("InformationShare");
            assertThat(chunk.getStringProperty(Headers.RECEIPT_ID)).isEqualTo(receipt.getReceiptId());
            assertThat(chunk.getStringProperty(Headers.AGREEMENT_ID)).isNotBlank();
            assertThat(chunk.getStringProperty(Headers.LAWFUL_BASIS)).isNotBlank();
            assertThat(chunk.propertyExists(Headers.RECORDS_ACCEPTED)).isFalse();
        }
    }

    @Test
    void a_share_refused_at_its_end_leaves_nothing_on_the_queue_though_chunks_of_it_were_sent() throws Exception {
        // 1,200 records read (two chunks written and sent on the way) before the count at the end fails
        String xml = share(1200).replace("<RecordCount>1200</RecordCount>", "<RecordCount>1201</RecordCount>");
        ReceiptType receipt = upload("term-short.p7m", xml);

        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.REJECTED);
        assertThat(receipt.getReason().get(0).getCode()).isEqualTo(ReasonCodeType.RECORD_COUNT_MISMATCH);
        assertThat(onQueue(messageId(xml))).isEmpty();
    }

    private static String share(int records) throws Exception {
        Path file = SyntheticShares.write(Files.createTempFile("share-", ".xml"), records, 0, 5);
        try {
            return Files.readString(file);
        } finally {
            Files.delete(file);
        }
    }

    private static ReceiptType upload(String name, String xml) throws Exception {
        byte[] signed = CmsFiles.sign(xml.getBytes(StandardCharsets.UTF_8), SCHOOL.signingKey(), SCHOOL.signingCertificate());
        try (SftpPartnerClient client = gateway.sftpClient(SCHOOL)) {
            client.upload(name, signed);
            return gateway.receiptChecker().verify(client.awaitReceipt(name));
        }
    }

    private static String messageId(String xml) {
        Matcher matcher = MESSAGE_ID.matcher(xml);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static List<Message> onQueue(String messageId) throws Exception {
        return IntakeQueueBrowser.parts(gateway, messageId);
    }
}
