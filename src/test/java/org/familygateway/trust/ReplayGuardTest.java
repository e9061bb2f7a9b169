package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

/**
 * A partner's message id is used once. The guard is a table in the database, so a replay is caught
 * after a restart, and by another gateway instance sharing the database (PostgreSQL); ids are
 * unique per partner, not across partners.
 */
class ReplayGuardTest {

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");

    @Test
    void a_replay_is_caught_after_a_restart_by_soap_and_by_sftp() throws Exception {
        TestGateway gateway = started(Map.of());
        try {
            byte[] envelope = gateway.rawSoap().signedEnvelope(Examples.xml(Examples.referral()), SCHOOL);
            byte[] file = CmsFiles.sign(Examples.xml(referralFrom("example-police")), POLICE.signingKey(), POLICE.signingCertificate());
            assertThat(soap(gateway, envelope).getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            assertThat(sftp(gateway, POLICE, "first.p7m", file).getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            drainCases(gateway, 2);

            gateway.restart();

            assertRefusedAsReplay(soap(gateway, envelope));
            assertRefusedAsReplay(sftp(gateway, POLICE, "again.p7m", file));
            gateway.familyTeam().expectNoCaseWithin(Duration.ofSeconds(1));
        } finally {
            gateway.afterAll(null);
        }
    }

    @Test
    void message_ids_are_unique_per_partner_not_across_partners() throws Exception {
        TestGateway gateway = started(Map.of());
        try {
            ReferralType fromSchool = Examples.referral();
            ReferralType fromPolice = referralFrom("example-police");
            fromPolice.setMessageId(fromSchool.getMessageId());
            assertThat(soap(gateway, gateway.rawSoap().signedEnvelope(Examples.xml(fromSchool), SCHOOL)).getOutcome())
                    .isEqualTo(OutcomeType.ACCEPTED);
            assertThat(soap(gateway, gateway.rawSoap().signedEnvelope(Examples.xml(fromPolice), POLICE)).getOutcome())
                    .isEqualTo(OutcomeType.ACCEPTED);
            drainCases(gateway, 2);
        } finally {
            gateway.afterAll(null);
        }
    }

    @Test
    void two_instances_sharing_postgresql_catch_each_others_replays_and_race_to_one_acceptance() throws Exception {
        Map<String, String> database = TestDatabases.overrides(TestDatabases.Kind.POSTGRESQL,
                Path.of(System.getProperty("java.io.tmpdir")));
        TestGateway first = started(database);
        TestGateway second = started(database);
        try {
            byte[] envelope = first.rawSoap().signedEnvelope(Examples.xml(Examples.referral()), SCHOOL);
            assertThat(soap(first, envelope).getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            assertRefusedAsReplay(soap(second, envelope));

            byte[] file = CmsFiles.sign(Examples.xml(referralFrom("example-police")), POLICE.signingKey(), POLICE.signingCertificate());
            assertThat(sftp(second, POLICE, "to-second.p7m", file).getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
            assertRefusedAsReplay(sftp(first, POLICE, "to-first.p7m", file));

            // the same message to both at once: one takes it; the other says it is a replay, or, while the
            // first delivery has not finished, to send it again later (never both accepted)
            for (int round = 0; round < 5; round++) {
                byte[] race = first.rawSoap().signedEnvelope(Examples.xml(Examples.referral()), SCHOOL);
                CompletableFuture<ReceiptType> a = CompletableFuture.supplyAsync(() -> soap(first, race));
                CompletableFuture<ReceiptType> b = CompletableFuture.supplyAsync(() -> soap(second, race));
                List<ReceiptType> receipts = List.of(a.get(), b.get());
                assertThat(receipts).extracting(ReceiptType::getOutcome).containsOnlyOnce(OutcomeType.ACCEPTED);
                ReceiptType loser = receipts.stream().filter(r -> r.getOutcome() != OutcomeType.ACCEPTED).findFirst().orElseThrow();
                if (loser.getOutcome() == OutcomeType.RETRY_LATER) {
                    assertThat(loser.getReason().get(0).getMessage()).contains("has not finished");
                } else {
                    assertRefusedAsReplay(loser);
                }
            }
        } finally {
            first.afterAll(null);
            second.afterAll(null);
        }
    }

    private static TestGateway started(Map<String, String> overrides) throws IOException {
        TestGateway gateway = new TestGateway(new HashMap<>(overrides));
        gateway.beforeAll(null);
        return gateway;
    }

    private static ReceiptType soap(TestGateway gateway, byte[] envelope) {
        RawSoap.Response response = gateway.rawSoap().post(envelope);
        ReceiptType receipt = response.status() == 200 ? response.acknowledgement() : response.rejection();
        assertThat(gateway.receiptChecker().verify(receipt.getSignedReceipt()).getReceiptId()).isEqualTo(receipt.getReceiptId());
        return receipt;
    }

    private static ReceiptType sftp(TestGateway gateway, PartnerIdentity partner, String name, byte[] file) throws IOException {
        try (SftpPartnerClient client = gateway.sftpClient(partner)) {
            client.upload(name, file);
            return gateway.receiptChecker().verify(client.awaitReceipt(name));
        }
    }

    private static void assertRefusedAsReplay(ReceiptType receipt) {
        assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.REJECTED);
        assertThat(receipt.getReason().get(0).getCode()).isEqualTo(ReasonCodeType.REPLAYED);
    }

    private static ReferralType referralFrom(String partnerId) {
        ReferralType referral = Examples.referral();
        referral.getReferrer().getAgency().setPartnerId(partnerId);
        return referral;
    }

    private static void drainCases(TestGateway gateway, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(gateway.familyTeam().nextCase(Duration.ofSeconds(10))).isNotNull();
        }
    }
}
