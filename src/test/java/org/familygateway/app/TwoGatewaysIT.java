package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.ExternalArtemis;
import org.familygateway.testing.FamilyTeam;
import org.familygateway.testing.Metrics;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateways, switched by configuration alone (broker.url, database.url) to one standalone Artemis
 * broker and one PostgreSQL database, take messages over both channels at once and compete for
 * gateway.intake: every accepted message becomes exactly one case. A partner's messages go to one
 * consumer at a time (its JMS group, which keeps them in order), so which instance's household step
 * takes them is the broker's choice; when that instance's step stops, the other's takes the
 * partner's next messages, whichever instance accepted them.
 */
class TwoGatewaysIT {

    private static final int REFERRALS_PER_GATEWAY = 40;
    private static final int FILES_PER_GATEWAY = 3;
    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");

    private static ExternalArtemis broker;
    private static final List<TestGateway> gateways = new ArrayList<>();

    @BeforeAll
    static void start_a_broker_and_two_gateways_on_it() throws Exception {
        Path shared = Files.createTempDirectory("fg-two-gateways-");
        TestDatabases.Target database = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL, shared);
        broker = ExternalArtemis.start();
        Path key = shared.resolve("pseudonym.key");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.write(key, secret);
        Map<String, String> production = Map.of("broker.url", broker.coreUrl(), "database.url", database.url(),
                "database.user", database.user(), "database.password", database.password(), "pseudonymKey", key.toString());
        for (int i = 0; i < 2; i++) {
            TestGateway gateway = new TestGateway(new HashMap<>(production));
            gateway.beforeAll(null);
            gateways.add(gateway);
        }
    }

    @AfterAll
    static void stop() {
        gateways.forEach(g -> g.afterAll(null));
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void each_message_accepted_by_either_gateway_becomes_exactly_one_case() throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>();
        ExecutorService partners = Executors.newFixedThreadPool(4);
        List<Future<?>> sending = new ArrayList<>();
        for (TestGateway gateway : gateways) {
            sending.add(partners.submit(() -> sendReferrals(gateway, accepted)));
            sending.add(partners.submit(() -> uploadFiles(gateway, accepted)));
        }
        for (Future<?> f : sending) {
            f.get();
        }
        partners.shutdown();
        assertThat(accepted).hasSize(2 * (REFERRALS_PER_GATEWAY + FILES_PER_GATEWAY));

        // one case per household, a version per change: every accepted message is a source of the versions the
        // team received, and no version arrived twice
        Map<String, Integer> timesPerVersion = new HashMap<>();
        java.util.Set<String> receiptsInCases = new java.util.HashSet<>();
        java.util.Set<String> caseIds = new java.util.HashSet<>();
        try (FamilyTeam team = FamilyTeam.at(broker.amqpUrl())) {
            for (Optional<FamilyTeam.Delivered> next = team.pollCase(Duration.ofSeconds(30)); next.isPresent();
                 next = team.pollCase(Duration.ofSeconds(3))) {
                var delivered = next.get().asCase();
                caseIds.add(delivered.getCaseId());
                timesPerVersion.merge(delivered.getCaseId() + ":" + delivered.getVersion(), 1, Integer::sum);
                delivered.getSource().forEach(source -> receiptsInCases.add(source.getReceiptId()));
            }
        }
        assertThat(receiptsInCases).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        assertThat(timesPerVersion.values()).as("no case version was delivered twice").containsOnly(1);
        assertThat(caseIds).as("the sample household has one case, however many gateways took its messages").hasSize(1);

        long byFirst = casesForwardedBy(gateways.get(0));
        long bySecond = casesForwardedBy(gateways.get(1));
        System.out.printf("cases forwarded: first gateway %d, second gateway %d%n", byFirst, bySecond);
        assertThat(byFirst + bySecond).as("each message's household step ran once, on one instance or the other").isEqualTo(accepted.size());

        // the instance whose step took the most stops its step; the other's takes what both accept next
        TestGateway stopped = gateways.get(byFirst >= bySecond ? 0 : 1);
        TestGateway other = gateways.get(byFirst >= bySecond ? 1 : 0);
        long stoppedBefore = Math.max(byFirst, bySecond);
        long otherBefore = Math.min(byFirst, bySecond);
        stopped.gateway().camelContext().getRouteController().stopRoute("pipeline");
        Map<String, String> afterwards = new ConcurrentHashMap<>();
        for (TestGateway gateway : gateways) {
            sendReferrals(gateway, afterwards, 5);
        }
        java.util.Set<String> receiptsAfterwards = new java.util.HashSet<>();
        try (FamilyTeam team = FamilyTeam.at(broker.amqpUrl())) {
            while (!receiptsAfterwards.containsAll(afterwards.keySet())) {
                Optional<FamilyTeam.Delivered> next = team.pollCase(Duration.ofSeconds(30));
                if (next.isEmpty()) {
                    break;
                }
                var delivered = next.get().asCase();
                assertThat(delivered.getCaseId()).as("still the one household's case").isIn(caseIds);
                delivered.getSource().forEach(source -> receiptsAfterwards.add(source.getReceiptId()));
            }
        }
        assertThat(receiptsAfterwards).as("every referral accepted by either, after the busier step stopped").containsAll(afterwards.keySet());
        assertThat(casesForwardedBy(other) - otherBefore).as("the other instance's step took them all").isEqualTo(afterwards.size());
        assertThat(casesForwardedBy(stopped)).as("the stopped step took none").isEqualTo(stoppedBefore);
        stopped.gateway().camelContext().getRouteController().startRoute("pipeline");
    }

    private static void sendReferrals(TestGateway gateway, Map<String, String> accepted) {
        sendReferrals(gateway, accepted, REFERRALS_PER_GATEWAY);
    }

    private static void sendReferrals(TestGateway gateway, Map<String, String> accepted, int count) {
        try (SoapPartnerClient school = gateway.soapClient(SCHOOL)) {
            for (int i = 0; i < count; i++) {
                ReceiptType receipt = school.submit(Examples.referral());
                assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
                accepted.put(receipt.getReceiptId(), "soap");
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void uploadFiles(TestGateway gateway, Map<String, String> accepted) {
        try (SftpPartnerClient police = gateway.sftpClient(POLICE)) {
            for (int i = 0; i < FILES_PER_GATEWAY; i++) {
                String name = "referral-" + i + ".p7m";
                police.upload(name, CmsFiles.sign(Examples.xml(fromPolice()), POLICE.signingKey(), POLICE.signingCertificate()));
                ReceiptType receipt = gateway.receiptChecker().verify(police.awaitReceipt(name));
                assertThat(receipt.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
                accepted.put(receipt.getReceiptId(), "sftp");
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What this instance's own pipeline forwarded, read from its metrics. */
    private static long casesForwardedBy(TestGateway gateway) throws Exception {
        return (long) Metrics.scrape(gateway.gateway().operationsPort()).sum("fg_case_latency_seconds_count", "");
    }

    private static ReferralType fromPolice() {
        ReferralType referral = Examples.referral();
        referral.getReferrer().getAgency().setPartnerId("example-police");
        referral.getReferrer().getAgency().setName("Example Constabulary");
        referral.getReferrer().getAgency().setKind(AgencyKindType.POLICE);
        return referral;
    }
}
