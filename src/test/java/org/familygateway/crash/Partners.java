package org.familygateway.crash;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.familygateway.testing.Shares;
import org.familygateway.testing.TestGateway;
import org.familygateway.trust.Pem;
import org.familygateway.trust.SshKeys;

/**
 * Partners as real ones behave when the gateway dies under them: each message is sent until a
 * definite answer comes back (a connection refused, reset or timed out, a fault with no receipt, or
 * RETRY_LATER, means send it again under the same message id, freshly signed), over SOAP (the
 * school's referrals and withdrawals of consent) or SFTP (the police's referrals and information
 * shares). Some messages are made to be refused, as a real partner's sometimes are: signed and well
 * formed, but with a fault the gateway's checks must name.
 */
final class Partners {

    /** What a message is made to be: a referral to accept, or one the gateway must refuse for the reason named. */
    enum Kind {
        GOOD(null),
        /**
         * Not a referral: the police's information share about a family another message referred (an
         * acceptable behaviour contract with its adult), which reaches the family team in that
         * household's case, whichever of the two the gateway takes in first.
         */
        INFORMATION_SHARE(null),
        /**
         * Not a referral: the school's withdrawal of consent for a family it referred, sent once its
         * referral was accepted, which reaches the family team as that case's WITHDRAWN version, its last.
         */
        CONSENT_WITHDRAWN(null),
        /**
         * Not a referral: the school's consent given again for a family whose consent it withdrew, sent
         * once the withdrawal was answered, which reaches the family team as its case resumed: a version
         * after the WITHDRAWN one, and not WITHDRAWN.
         */
        CONSENT_GIVEN(null),
        /** A concern observed a month from now. */
        CONCERN_IN_THE_FUTURE(ReasonCodeType.DATE_IN_FUTURE),
        /** A postcode of the right shape whose inward letters no postcode uses ("C"). */
        POSTCODE_NOT_ISSUED(ReasonCodeType.INVALID_POSTCODE);

        final ReasonCodeType refusedFor;

        Kind(ReasonCodeType refusedFor) {
            this.refusedFor = refusedFor;
        }

        ReferralType applyTo(ReferralType referral) {
            switch (this) {
                case CONCERN_IN_THE_FUTURE -> referral.getConcern().get(0).setObservedOn(LocalDate.now(ZoneOffset.UTC).plusDays(30));
                case POSTCODE_NOT_ISSUED -> referral.getHousehold().getAddress().setPostcode("NR1 2CB");
                case GOOD -> { }
                case INFORMATION_SHARE, CONSENT_WITHDRAWN, CONSENT_GIVEN -> throw new IllegalStateException(this + " is not a referral");
            }
            return referral;
        }

        String expected() {
            return refusedFor == null ? null : refusedFor.value();
        }
    }

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

    /**
     * Sends by SOAP, from the school, a referral about the family numbered so (Examples.referralAboutFamily),
     * or (CONSENT_WITHDRAWN) the withdrawal of that family's consent, once its referral has been answered,
     * or (CONSENT_GIVEN) that family's consent given again, once its withdrawal has been answered.
     */
    void sendBySoap(Kind kind, int family) {
        String messageId;
        byte[] content;
        String operation;
        if (kind == Kind.CONSENT_WITHDRAWN) {
            messageId = "withdrawal-" + UUID.randomUUID();
            content = Examples.consentWithdrawal(messageId, Examples.referralAboutFamily(family), awaitAnswer(family, Kind.GOOD))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            operation = "ConsentUpdate";
        } else if (kind == Kind.CONSENT_GIVEN) {
            messageId = "given-" + UUID.randomUUID();
            String referral = awaitAnswer(family, Kind.GOOD);
            awaitAnswer(family, Kind.CONSENT_WITHDRAWN);
            content = Examples.consentGiven(messageId, Examples.referralAboutFamily(family), referral)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            operation = "ConsentUpdate";
        } else {
            ReferralType referral = kind.applyTo(Examples.referralAboutFamily(family));
            messageId = referral.getMessageId();
            content = Examples.xml(referral);
            operation = "Referral";
        }
        RawSoap soap = new RawSoap(settings.soap().address(), anchors);
        boolean answerLost = false;
        for (int attempt = 1; ; attempt++) {
            try {
                RawSoap.Response response = soap.post(soap.signedEnvelope(content, SCHOOL), operation);
                ReceiptType receipt = response.status() == 200 ? response.acknowledgement() : response.rejection();
                if (settle(messageId, "SOAP", receipt, attempt, answerLost, kind, family)) {
                    return;
                }
            } catch (RuntimeException | AssertionError connectionFailedOrNoReceipt) {
                // no answer, or a fault that carries no receipt (the gateway could not issue one): send it again
                answerLost = true;
            }
            retries.incrementAndGet();
            pause(300);
        }
    }

    /**
     * Sends by SFTP, from the police, a referral about the family numbered so, or (INFORMATION_SHARE)
     * a share about that family's adult.
     */
    void sendBySftp(Kind kind, int family) {
        String messageId;
        byte[] content;
        if (kind == Kind.INFORMATION_SHARE) {
            messageId = "share-" + UUID.randomUUID();
            String contract = Shares.behaviourContract("abc-" + UUID.randomUUID(), Examples.referralAboutFamily(family), 0,
                    LocalDate.now(ZoneOffset.UTC));
            content = Shares.bytes(Shares.shareWithId(messageId, "example-police", "POLICE", contract));
        } else {
            ReferralType referral = kind.applyTo(
                    Examples.referralAboutFamily(family, "example-police", "Example Constabulary", AgencyKindType.POLICE));
            messageId = referral.getMessageId();
            content = Examples.xml(referral);
        }
        boolean answerLost = false;
        try (SftpPartnerClient police = new SftpPartnerClient(settings.sftp().host(), settings.sftp().port(),
                SshKeys.publicKey(Path.of(settings.sftp().hostKey() + ".pub")), POLICE)) {
            for (int attempt = 1; ; attempt++) {
                String name = messageId + "-" + attempt + ".p7m";
                try {
                    police.upload(name, CmsFiles.sign(content, POLICE.signingKey(), POLICE.signingCertificate()));
                    Optional<ReceiptType> receipt = awaitReceipt(police, name);
                    if (receipt.isPresent() && settle(messageId, "SFTP", receipt.get(), attempt, answerLost, kind, family)) {
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

    /** The message id of the family's message of that kind, once the partner has had its final answer. */
    private String awaitAnswer(int family, Kind kind) {
        for (Instant deadline = Instant.now().plus(Duration.ofMinutes(20)); Instant.now().isBefore(deadline); pause(300)) {
            Optional<String> answered = ledger.all().entrySet().stream()
                    .filter(e -> e.getValue().family() == family && e.getValue().kind() == kind)
                    .map(java.util.Map.Entry::getKey).findFirst();
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        throw new IllegalStateException("family " + family + "'s " + kind + " had no answer within 20 minutes");
    }

    /** True when the answer is final, and then it is in the ledger. */
    private boolean settle(String messageId, String channel, ReceiptType receipt, int attempts, boolean answerLost, Kind kind, int family) {
        if (receipt.getOutcome() == OutcomeType.ACCEPTED) {
            ledger.record(messageId, new Ledger.Sent(channel, Ledger.Outcome.ACCEPTED, receipt.getReceiptId(), attempts, null, kind, family));
            return true;
        }
        if (receipt.getOutcome() == OutcomeType.RETRY_LATER) {
            return false;
        }
        ReasonCodeType reason = receipt.getReason().get(0).getCode();
        if (reason == ReasonCodeType.REPLAYED && answerLost) {
            ledger.record(messageId, new Ledger.Sent(channel, Ledger.Outcome.ACCEPTED_RECEIPT_LOST, null, attempts, null, kind, family));
        } else {
            ledger.record(messageId, new Ledger.Sent(channel, Ledger.Outcome.REJECTED, receipt.getReceiptId(), attempts, reason.value(),
                    kind, family));
        }
        return true;
    }

    private Optional<ReceiptType> awaitReceipt(SftpPartnerClient police, String name) {
        Instant deadline = Instant.now().plus(RECEIPT_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            try {
                // one session while it lasts, looking for that one file: listing receipts/ (thousands of files by the
                // end) in a new session every 300 ms from each thread cost the gateway's CPU more than the messages did
                Optional<byte[]> found = police.receiptBy(name, deadline);
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
