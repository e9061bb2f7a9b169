package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.testing.FamilyTeam.Delivered;
import org.familygateway.testing.HostileAttacks;
import org.familygateway.testing.HostileAttacks.Case;
import org.familygateway.testing.HostileAttacks.Outcome;
import org.familygateway.testing.HostileFixture;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the hostile-input corpus (src/test/resources/hostile/corpus.yaml) end to end through the real
 * SOAP and SFTP intakes. Each case must be refused with its own reason, answered with a receipt the
 * gateway signed, audited as REJECTED with that reason, quarantined, and must put nothing on
 * family-team.cases.
 */
class HostileCorpusTest {

    private static final HostileFixture FIXTURE = new HostileFixture();
    private static final List<Case> CASES = corpus();

    @RegisterExtension
    static final TestGateway gateway = new TestGateway(overrides());

    private static Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>(FIXTURE.overrides());
        // small enough that the compression bomb (40 MB of zeros) passes it, large enough for the rest
        overrides.put("sftp.maxFileBytes", String.valueOf(20 * 1024 * 1024));
        return overrides;
    }

    @Test
    void the_corpus_covers_both_channels_with_at_least_sixty_cases_each_with_its_own_id() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CASES.stream().map(Case::id).collect(Collectors.toSet())).hasSameSizeAs(CASES);
        assertThat(CASES).extracting(Case::channel).contains("soap", "sftp").allMatch(c -> c.equals("soap") || c.equals("sftp"));
        assertThat(CASES).allSatisfy(c -> assertThat(ReasonCodeType.fromValue(c.expect())).isNotNull());
    }

    @Test
    void every_trust_reason_code_is_provoked_by_some_case() {
        Set<String> provoked = new HashSet<>(CASES.stream().map(Case::expect).toList());
        assertThat(provoked).contains("SECURITY_HEADER_MISSING", "SIGNATURE_INVALID", "SIGNATURE_COVERAGE", "TIMESTAMP_INVALID",
                "CERTIFICATE_UNTRUSTED", "CERTIFICATE_EXPIRED", "CERTIFICATE_REVOKED", "ALGORITHM_NOT_ALLOWED", "REPLAYED",
                "SIGNER_NOT_A_PARTNER", "SIGNER_NOT_SENDER", "CHANNEL_NOT_ALLOWED", "CMS_MALFORMED", "CMS_DETACHED", "CMS_NO_SIGNER",
                "CMS_MULTIPLE_SIGNERS", "CMS_CONTENT_TYPE_MISMATCH", "COMPRESSED_CONTENT_TOO_LARGE", "XML_MALFORMED",
                "XML_FORBIDDEN_CONSTRUCT", "XML_LIMIT_EXCEEDED", "MESSAGE_TOO_LARGE", "SCHEMA_INVALID");
    }

    @TestFactory
    Stream<DynamicTest> every_case_is_refused_with_its_reason_a_signed_receipt_an_audit_entry_and_no_case() {
        HostileAttacks attacks = new HostileAttacks(gateway, FIXTURE);
        AtomicBoolean dumped = new AtomicBoolean();
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.id() + " -> " + c.expect(), () -> {
            Outcome outcome;
            try {
                outcome = attacks.run(c);
            } catch (RuntimeException e) {
                // SFTP cases have timed out in a row in full-suite runs (not reproduced alone): the
                // first failure leaves every thread's stack in the test's output, to explain the next one
                if (dumped.compareAndSet(false, true)) {
                    dumpThreads(c.id() + " failed: " + e);
                }
                throw e;
            }
            check(c, outcome);
        }));
    }

    private static void dumpThreads(String why) {
        StringBuilder dump = new StringBuilder("THREAD DUMP (" + why + ")\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        System.out.println(dump);
    }

    private static void check(Case c, Outcome outcome) {
        ReasonCodeType expected = ReasonCodeType.fromValue(c.expect());
        ReceiptType receipt = outcome.receipt();
        assertThat(receipt.getOutcome()).as("outcome").isEqualTo(OutcomeType.REJECTED);
        assertThat(receipt.getReason()).as("reasons").isNotEmpty();
        assertThat(receipt.getReason().get(0).getCode()).as("reason: " + receipt.getReason().get(0).getMessage()).isEqualTo(expected);
        assertThat(receipt.getReason().get(0).getMessage()).isNotBlank();
        assertThat(receipt.getChannel()).isEqualTo("soap".equals(c.channel()) ? ChannelType.SOAP : ChannelType.SFTP);

        // the receipt the gateway signed says the same, and verifies to the partnership CA
        assertThat(outcome.signedReceipt()).as("a signed receipt").isNotNull();
        ReceiptType signed = gateway.receiptChecker().verify(outcome.signedReceipt());
        assertThat(signed.getReceiptId()).isEqualTo(receipt.getReceiptId());
        assertThat(signed.getOutcome()).isEqualTo(OutcomeType.REJECTED);
        assertThat(signed.getReason().get(0).getCode()).isEqualTo(expected);
        if (outcome.sent() != null) {
            assertThat(HexFormat.of().formatHex(signed.getPayloadDigest().getValue())).as("digest of the bytes sent")
                    .isEqualToIgnoringCase(Digests.hex(outcome.sent()));
        }

        String receiptId = receipt.getReceiptId();
        await().atMost(Duration.ofSeconds(10)).until(() -> types(gateway.audit().forReceipt(receiptId)).contains(AuditEventType.RECEIPT_SENT));
        List<AuditEvent> events = gateway.audit().forReceipt(receiptId);
        assertThat(types(events)).contains(AuditEventType.REJECTED, AuditEventType.QUARANTINED, AuditEventType.RECEIPT_SENT)
                .doesNotContain(AuditEventType.ACCEPTED, AuditEventType.FORWARDED);
        // (a share whose every record fails also has an entry per record)
        assertThat(events).filteredOn(e -> e.type() == AuditEventType.REJECTED)
                .anySatisfy(e -> assertThat(e.entry().reasonCode()).isEqualTo(expected.value()));

        Delivered quarantined = gateway.familyTeam().quarantined(receiptId, Duration.ofSeconds(10));
        assertThat(quarantined.property("fgReasonCode")).isEqualTo(expected.value());
        if (outcome.sent() != null) {
            assertThat(quarantined.body()).as("quarantined exactly as received").isEqualTo(outcome.sent());
        }

        if ("replay".equals(c.attack())) {
            // the first send was accepted and became a case; the replay must not make another
            assertThat(gateway.familyTeam().nextCase(Duration.ofSeconds(10))).isNotNull();
        }
        gateway.familyTeam().expectNoCaseWithin(Duration.ofMillis(300));
    }

    private static List<AuditEventType> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }

    private static List<Case> corpus() {
        record Corpus(List<Case> cases) {
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/hostile/corpus.yaml")) {
            return yaml.readValue(in, Corpus.class).cases();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the hostile corpus", e);
        }
    }
}
