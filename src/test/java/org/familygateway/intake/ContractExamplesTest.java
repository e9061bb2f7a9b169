package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.RejectedRecordType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.Project;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestGateway;
import org.familygateway.validation.ContractSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks schemas/examples/v1: every sample goes in through both real intakes, as its sender, and the
 * receipt or fault must say exactly what its .expect.yaml says. The outgoing samples (what the
 * family team and partners receive) must be valid against the schema.
 */
class ContractExamplesTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]*)</MessageId>");
    private static final Pattern PROLOG = Pattern.compile("(?s)^\\s*(<\\?xml[^>]*\\?>)?\\s*(<!--.*?-->\\s*)*(<!DOCTYPE.*?]>)?");

    /** What a sample's sidecar says the gateway answers. */
    record Expected(String sender, String outcome, List<String> reasons, String location, Map<String, Long> records,
                    List<Map<String, Object>> rejectedRecords, Map<String, Object> soap) {
    }

    @TestFactory
    Stream<DynamicTest> every_sample_gets_the_reply_its_sidecar_expects_by_sftp_and_by_soap() throws IOException {
        try (Stream<Path> files = Files.list(Project.examples())) {
            List<Path> samples = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            assertThat(samples).hasSizeGreaterThan(20);
            return samples.stream().flatMap(sample -> {
                Expected expected = expectation(sample);
                String name = sample.getFileName().toString();
                return Stream.of(
                        DynamicTest.dynamicTest(name + " by SFTP", () -> check(bySftp(sample, expected), expected, false)),
                        DynamicTest.dynamicTest(name + " by SOAP", () -> check(bySoap(sample, expected), expected, true)));
            }).toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_outgoing_sample_is_valid_against_the_schema() throws IOException {
        try (Stream<Path> files = Files.list(Project.examples().resolve("outgoing"))) {
            return files.sorted().toList().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
                var validator = ContractSchema.schema().newValidator();
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                validator.validate(new StreamSource(sample.toFile()));
            }));
        }
    }

    private static ReceiptType bySftp(Path sample, Expected expected) throws IOException {
        PartnerIdentity sender = TestGateway.partner(expected.sender());
        byte[] file = CmsFiles.sign(fresh(sample), sender.signingKey(), sender.signingCertificate());
        String name = sample.getFileName().toString().replace(".xml", "-" + UUID.randomUUID().toString().substring(0, 8) + ".p7m");
        try (SftpPartnerClient client = gateway.sftpClient(sender)) {
            client.upload(name, file);
            return gateway.receiptChecker().verify(client.awaitReceipt(name));
        }
    }

    private static ReceiptType bySoap(Path sample, Expected expected) throws IOException {
        byte[] body = fresh(sample);
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher prolog = PROLOG.matcher(text);
        prolog.lookingAt();
        RawSoap soap = gateway.rawSoap();
        byte[] envelope;
        if (prolog.group(3) != null || expected.reasons().contains("XML_MALFORMED")) {
            // not parseable as it stands, so it cannot be signed: sent as a partner's broken stack would
            envelope = ((prolog.group(3) == null ? "" : prolog.group(3)) + "<soap:Envelope xmlns:soap=\"" + RawSoap.SOAP11
                    + "\"><soap:Body>" + text.substring(prolog.end()) + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        } else {
            envelope = soap.signedEnvelope(body, TestGateway.partner(expected.sender()));
        }
        RawSoap.Response response = soap.post(envelope, rootElement(text.substring(prolog.end())));
        return response.status() == 200 ? response.acknowledgement() : response.rejection();
    }

    private static void check(ReceiptType receipt, Expected expected, boolean soap) {
        Expected answer = soap && expected.soap() != null ? normalised(YAML.convertValue(merged(expected, expected.soap()), Expected.class))
                : expected;
        assertThat(receipt.getOutcome().value()).as("outcome; reasons " + reasonsOf(receipt)).isEqualTo(answer.outcome());
        if (!answer.reasons().isEmpty()) {
            assertThat(receipt.getReason()).as("reasons").isNotEmpty();
            assertThat(receipt.getReason().get(0).getCode().value()).isEqualTo(answer.reasons().get(0));
            assertThat(reasonsOf(receipt)).containsAll(answer.reasons());
        } else {
            assertThat(receipt.getReason()).as("no reasons for " + answer.outcome()).isEmpty();
        }
        if (answer.location() != null) {
            assertThat(receipt.getReason().get(0).getLocation()).startsWith(answer.location());
        }
        if (answer.records() != null) {
            assertThat(receipt.getRecords().getReceived()).isEqualTo(BigInteger.valueOf(answer.records().get("received")));
            assertThat(receipt.getRecords().getAccepted()).isEqualTo(BigInteger.valueOf(answer.records().get("accepted")));
            assertThat(receipt.getRecords().getRejected()).isEqualTo(BigInteger.valueOf(answer.records().get("rejected")));
        }
        for (Map<String, Object> record : answer.rejectedRecords()) {
            RejectedRecordType actual = receipt.getRejectedRecord().stream()
                    .filter(r -> r.getPosition().intValue() == (Integer) record.get("position")).findFirst()
                    .orElseThrow(() -> new AssertionError("no rejected record at position " + record.get("position")));
            assertThat(actual.getReason().get(0).getCode().value()).isEqualTo(record.get("code"));
            if (record.containsKey("id")) {
                assertThat(actual.getRecordId()).isEqualTo(record.get("id"));
            }
            if (record.containsKey("location")) {
                assertThat(actual.getReason().get(0).getLocation()).startsWith((String) record.get("location"));
            }
        }
    }

    private static List<String> reasonsOf(ReceiptType receipt) {
        return receipt.getReason().stream().map(r -> r.getCode().value()).toList();
    }

    private static Map<String, Object> merged(Expected expected, Map<String, Object> override) {
        Map<String, Object> base = YAML.convertValue(expected, Map.class);
        base.remove("soap");
        base.remove("records");
        base.remove("rejectedRecords");
        base.remove("location");
        base.putAll(override);
        return base;
    }

    /** The sample with a message id of its own, so that no two sends look like a replay. */
    private static byte[] fresh(Path sample) throws IOException {
        String text = Files.readString(sample);
        Matcher id = MESSAGE_ID.matcher(text);
        if (id.find()) {
            text = text.substring(0, id.start()) + "<MessageId>" + id.group(1) + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "</MessageId>" + text.substring(id.end());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String rootElement(String xml) {
        Matcher root = Pattern.compile("<([A-Za-z]+)[\\s>]").matcher(xml);
        return root.find() ? root.group(1) : "Referral";
    }

    private static Expected normalised(Expected read) {
        return new Expected(read.sender(), read.outcome(), read.reasons() == null ? List.of() : read.reasons(), read.location(),
                read.records(), read.rejectedRecords() == null ? List.of() : read.rejectedRecords(), read.soap());
    }

    private static Expected expectation(Path sample) {
        Path sidecar = sample.resolveSibling(sample.getFileName().toString().replace(".xml", ".expect.yaml"));
        try {
            return normalised(YAML.readValue(sidecar.toFile(), Expected.class));
        } catch (IOException e) {
            throw new AssertionError("every sample needs a readable " + sidecar.getFileName(), e);
        }
    }
}
