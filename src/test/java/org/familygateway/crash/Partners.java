package org.familygateway.crash;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.familygateway.app.GatewaySettings;
import org.familygateway.app.TrustParts;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.CmsFiles;
import org.familygateway.simulator.GatewayReceipts;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestGateway;
import org.familygateway.trust.Pem;
import org.familygateway.trust.SshKeys;

/**
 * Partners as real ones behave when the gateway dies under them: each message is sent until a
 * definite answer comes back (a connection refused, reset or timed out, or RETRY_LATER, means send
 * it again under the same message id, freshly signed), over SOAP (the school) or SFTP (the police).
 */
final class Partners {

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");
    private static final PartnerIdentity POLICE = TestGateway.partner("example-police");
    private static final Duration RECEIPT_WITHIN = Duration.ofSeconds(90);

    private final GatewaySettings settings;
    private final Ledger ledger;
    private final GatewayReceipts receipts;
    private final List<X509Certificate> anchors;
    final AtomicInteger retries = new AtomicInteger();

    Partners(GatewaySettings settings, Ledger ledger) {
        this.settings = settings;
        this.ledger = ledger;
        this.receipts = new GatewayReceipts(TrustParts.certificatePaths(settings, java.time.Clock.systemUTC()));
        this.anchors = settings.trustAnchors().stream().flatMap(p -> Pem.certificates(p).stream()).toList();
    }

    private static final java.util.concurrent.atomic.AtomicInteger FAMILIES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The sample referral about a family of its own: the gateway keeps one case per household, so the
     * load is many households, as a county's is, not hundreds of referrals about one. Each family has
     * its own surname, address and postcode, and birth dates moved by up to two years either way (the
     * sample's adult stays an adult, its child a child), so that the matcher's blocks hold a county's
     * handful of people each: with every family born on the same two days at the same postcode, each
     * record was scored against thousands of candidates and the household step fell far behind.
     */
    static ReferralType referral() {
        ReferralType referral = Examples.referral();
        int n = FAMILIES.incrementAndGet();
        StringBuilder surname = new StringBuilder("Crash");
        for (int rest = n; rest > 0; rest /= 26) {
            surname.append((char) ('a' + rest % 26));
        }
        java.util.Random family = new java.util.Random(n);
        referral.getHousehold().getAddress().getLine().set(0, n + " Harness Street");
        referral.getHousehold().getAddress().setPostcode(postcode(n));
        referral.getHousehold().getAddress().setUPRN(null);
        referral.getHousehold().getMember().forEach(member -> {
            member.setIdentifiers(null);
            member.getName().setSurname(surname.toString());
            member.setDateOfBirth(member.getDateOfBirth().plusDays(family.nextInt(1461) - 730));
        });
        return referral;
    }

    /** Royal Mail's letters for the inward code's last two characters (no C, I, K, M, O, V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    /** A postcode of the family's own ("NR1 0AA", "NR1 0AB", ...): 140,000 of them before any repeats. */
    private static String postcode(int n) {
        int letters = INWARD_LETTERS.length();
        int unit = n % (letters * letters);
        int sector = n / (letters * letters) % 10;
        int district = 1 + n / (letters * letters * 10) % 35;
        return "NR" + district + " " + sector + INWARD_LETTERS.charAt(unit / letters) + INWARD_LETTERS.charAt(unit % letters);
    }

    void sendBySoap() {
        ReferralType referral = referral();
        RawSoap soap = new RawSoap(settings.soap().address(), anchors);
        boolean answerLost = false;
        for (int attempt = 1; ; attempt++) {
            try {
                RawSoap.Response response = soap.post(soap.signedEnvelope(Examples.xml(referral), SCHOOL));
                ReceiptType receipt = response.status() == 200 ? response.acknowledgement() : response.rejection();
                if (settle(referral.getMessageId(), "SOAP", receipt, attempt, answerLost)) {
                    return;
                }
            } catch (RuntimeException connectionFailed) {
                answerLost = true;
            }
            retries.incrementAndGet();
            pause(300);
        }
    }

    void sendBySftp() {
        ReferralType referral = referral();
        referral.getReferrer().getAgency().setPartnerId("example-police");
        referral.getReferrer().getAgency().setName("Example Constabulary");
        referral.getReferrer().getAgency().setKind(AgencyKindType.POLICE);
        boolean answerLost = false;
        try (SftpPartnerClient police = new SftpPartnerClient(settings.sftp().host(), settings.sftp().port(),
                SshKeys.publicKey(Path.of(settings.sftp().hostKey() + ".pub")), POLICE)) {
            for (int attempt = 1; ; attempt++) {
                String name = referral.getMessageId() + "-" + attempt + ".p7m";
                try {
                    police.upload(name, CmsFiles.sign(Examples.xml(referral), POLICE.signingKey(), POLICE.signingCertificate()));
                    Optional<ReceiptType> receipt = awaitReceipt(police, name);
                    if (receipt.isPresent() && settle(referral.getMessageId(), "SFTP", receipt.get(), attempt, answerLost)) {
                        return;
                    }
                    answerLost |= receipt.isEmpty();
                } catch (RuntimeException connectionFailed) {
                    answerLost = true;
                }
                retries.incrementAndGet();
                pause(300);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the answer is final, and then it is in the ledger. */
    private boolean settle(String messageId, String channel, ReceiptType receipt, int attempts, boolean answerLost) {
        if (receipt.getOutcome() == OutcomeType.ACCEPTED) {
            ledger.record(messageId, new Ledger.Sent(channel, Ledger.Outcome.ACCEPTED, receipt.getReceiptId(), attempts, null));
            return true;
        }
        if (receipt.getOutcome() == OutcomeType.RETRY_LATER) {
            return false;
        }
        ReasonCodeType reason = receipt.getReason().get(0).getCode();
        if (reason == ReasonCodeType.REPLAYED && answerLost) {
            ledger.record(messageId, new Ledger.Sent(channel, Ledger.Outcome.ACCEPTED_RECEIPT_LOST, null, attempts, null));
        } else {
            ledger.record(messageId, new Ledger.Sent(channel, Ledger.Outcome.REJECTED, null, attempts, reason.value()));
        }
        return true;
    }

    private Optional<ReceiptType> awaitReceipt(SftpPartnerClient police, String name) {
        Instant deadline = Instant.now().plus(RECEIPT_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            try {
                Optional<byte[]> found = police.withSftp(sftp -> {
                    boolean there = StreamSupport.stream(sftp.readDir("receipts").spliterator(), false)
                            .anyMatch(e -> e.getFilename().equals(name + ".receipt.p7m"));
                    if (!there) {
                        return Optional.<byte[]>empty();
                    }
                    try (var in = sftp.read("receipts/" + name + ".receipt.p7m")) {
                        return Optional.of(in.readAllBytes());
                    }
                });
                if (found.isPresent()) {
                    return Optional.of(receipts.verify(found.get()));
                }
            } catch (RuntimeException gatewayDown) {
                // keep looking: the gateway is restarting, and the upload may be in its arrivals
            }
            pause(300);
        }
        return Optional.empty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
