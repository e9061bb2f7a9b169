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

    void sendBySoap() {
        ReferralType referral = Examples.referralAboutAFamilyOfItsOwn();
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
        ReferralType referral = Examples.referralAboutAFamilyOfItsOwn("example-police", "Example Constabulary", AgencyKindType.POLICE);
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
