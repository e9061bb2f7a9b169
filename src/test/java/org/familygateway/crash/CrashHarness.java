package org.familygateway.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.familygateway.app.GatewaySettings;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.testing.ExternalArtemis;
import org.familygateway.testing.FamilyTeam;
import org.familygateway.testing.JavaProcesses;
import org.familygateway.testing.TestDatabases;

/**
 * Starts the packaged gateway, drives referrals over SOAP and SFTP at it (one in 50 made to be
 * refused: a concern dated in the future, or a postcode never issued), with the police's
 * information shares about referred families among them by SFTP (one in 10) and the school's
 * withdrawals of consent for families it referred by SOAP (one in 100), half of them followed by
 * consent given again (one in 200), SIGKILLs it at random
 * moments spread over the load (the k-th of n kills once about k/(n+1) of the messages have settled,
 * then 0.5 to 5.5 seconds after partners' messages start settling again) and restarts it, then
 * reconciles: every message a partner was told was accepted (or whose resend was refused as REPLAYED
 * after the first answer was lost) is on family-team.cases exactly once, or quarantined with a
 * reason; a withdrawal of consent is its case's WITHDRAWN version, and the last unless consent was
 * given again, which is a later version of the case, not WITHDRAWN; every message made
 * to be refused was refused for its reason and is in quarantine with it, never on the family team's
 * queue; no case is there twice; nothing is there that no partner sent.
 * Then, the gateway stopped, the audit log must verify against the checkpoints signed during the
 * run, and say what partners were told: ACCEPTED for every ACCEPTED receipt they got, REJECTED for
 * every REJECTED one, and never both for one. Exits 1 if any of that fails.
 *
 *   .ci/crash-harness                               (10,000 messages, 5 kills: what .ci/run runs)
 *   .ci/crash-harness --kills 25                    (long)
 *   .ci/crash-harness --broker external             (a standalone Artemis broker, killed too: in turn the
 *                                                    gateway, the broker, both)
 *   .ci/crash-harness --database postgresql         (a fresh schema on the PostgreSQL the tests use,
 *                                                    FG_TEST_POSTGRES_URL; default: the embedded H2 file)
 */
public final class CrashHarness {

    private CrashHarness() {
    }

    /** What a kill point kills: with an external broker, the gateway, the broker, or both, in turn. */
    private enum Victim { GATEWAY, BROKER, BOTH }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int messages = Integer.parseInt(options.getOrDefault("messages", "10000"));
        int kills = Integer.parseInt(options.getOrDefault("kills", "5"));
        int sftpEvery = Integer.parseInt(options.getOrDefault("sftp-every", "5"));
        int refuseEvery = Integer.parseInt(options.getOrDefault("refuse-every", "50"));
        int shareEvery = Integer.parseInt(options.getOrDefault("share-every", "10"));
        int withdrawEvery = Integer.parseInt(options.getOrDefault("withdraw-every", "100"));
        int restoreEvery = Integer.parseInt(options.getOrDefault("restore-every", "200"));
        int partnerThreads = Integer.parseInt(options.getOrDefault("partners", "8"));
        boolean external = options.getOrDefault("broker", "embedded").equals("external");
        TestDatabases.Kind database = TestDatabases.Kind.valueOf(options.getOrDefault("database", "h2").toUpperCase(java.util.Locale.ROOT));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime())));
        Random random = new Random(seed);
        Path home = Files.createTempDirectory("fg-crash-harness-");
        ExternalArtemis broker = external ? ExternalArtemis.startSyncingToDisk() : null;
        GatewayUnderTest gateway = new GatewayUnderTest(Path.of(options.getOrDefault("jar", "target/family-gateway.jar")), home, broker,
                database == TestDatabases.Kind.H2 ? Map.of() : TestDatabases.overrides(database, home));
        boolean reconciled = false;
        try {
            System.out.printf("crash harness: %d messages (1 in %d by SFTP, 1 in %d made to be refused, 1 in %d an information share, "
                    + "1 in %d a withdrawal of consent, 1 in %d consent given again) from %d partner threads, %d kills, %s broker, %s database, "
                    + "seed %d; gateway state under %s%n", messages, sftpEvery, refuseEvery, shareEvery, withdrawEvery, restoreEvery,
                    partnerThreads, kills,
                    external ? "external (killed too)" : "embedded", database == TestDatabases.Kind.H2 ? "embedded H2" : "PostgreSQL", seed, home);
            System.out.printf("started in %d ms%n", gateway.start().toMillis());
            Ledger ledger = new Ledger();
            Partners partners = new Partners(gateway.settings(), ledger);
            Instant began = Instant.now();
            ExecutorService senders = Executors.newFixedThreadPool(partnerThreads);
            Mix mix = new Mix(sftpEvery, refuseEvery, shareEvery, withdrawEvery, restoreEvery);
            List<Future<?>> sending = send(senders, partners, messages, mix, partnerThreads);
            for (int k = 1; k <= kills; k++) {
                // kills spread over the whole load: the k-th once about k/(kills+1) of the messages have settled
                int spacing = messages / (kills + 1);
                awaitSettled(ledger, spacing * k + random.nextInt(Math.max(1, spacing / 2)) - spacing / 4, Duration.ofMinutes(10));
                awaitProgress(ledger, Duration.ofSeconds(90));   // kill under load, not while partners are still connecting
                long upFor = 500 + random.nextInt(5000);
                Thread.sleep(upFor);
                Victim victim = external ? Victim.values()[(k - 1) % Victim.values().length] : Victim.GATEWAY;
                System.out.printf("kill %d (%s), %d ms into the load, %d messages settled so far; ", k, victim.name().toLowerCase(),
                        upFor, ledger.all().size());
                kill(victim, gateway, broker, random);
            }
            if (awaitSending(sending, ledger, Duration.ofMinutes(10))) {
                System.out.printf("all %d messages settled in %d s (%d resends)%n", ledger.all().size(),
                        Duration.between(began, Instant.now()).toSeconds(), partners.retries.get());
            } else {
                senders.shutdownNow();
                System.out.printf("NOT SETTLED: only %d of %d messages had a definite answer after %d s, none for the last ten minutes "
                        + "(%d resends); the partners gave up%n", ledger.all().size(), messages,
                        Duration.between(began, Instant.now()).toSeconds(), partners.retries.get());
            }
            drain(gateway);
            reconciled = reconcile(ledger, gateway, messages);
            gateway.stop();
            reconciled &= auditHolds(ledger, gateway);
        } catch (Exception | Error failure) {
            // exits below: the partner threads would otherwise keep this JVM (and CI) waiting
            failure.printStackTrace();
            System.out.println("NOT RECONCILED: the harness stopped before reconciling: " + failure.getMessage());
        } finally {
            gateway.kill();
            if (broker != null) {
                broker.close();
            }
        }
        System.exit(reconciled ? 0 : 1);
    }

    /**
     * Sends message i by SFTP when i is a multiple of {@code sftpEvery}, by SOAP otherwise; one in
     * each block of {@code refuseEvery} is made to be refused, at an offset that moves from block to
     * block so that refusals come by both channels, of both kinds in turn.
     */
    private static List<Future<?>> send(ExecutorService senders, Partners partners, int messages, Mix mix, int threads) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> sending = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sending.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    Partners.Kind kind = mix.kind(i);
                    if (mix.bySftp(i)) {
                        partners.sendBySftp(kind, mix.family(i));
                    } else {
                        partners.sendBySoap(kind, mix.family(i));
                    }
                }
                return null;
            }));
        }
        senders.shutdown();
        return sending;
    }

    /**
     * What message i is, by its place alone. By SFTP when i is a multiple of {@code sftpEvery}, by
     * SOAP otherwise. One in each block of {@code refuseEvery} is made to be refused, at an offset
     * that moves from block to block so that refusals come by both channels, of both kinds in turn.
     * Of the rest, the last in each block of {@code shareEvery} is the police's information share (by
     * SFTP) about the family of the nearest referral before it; the middle one in each block of
     * {@code withdrawEvery} is the school's withdrawal of consent (by SOAP) for the family of the
     * nearest referral the school sent (by SOAP) before it, and no share is about that family (a
     * share about a household whose consent was withdrawn is held, not forwarded); the third from
     * last in each block of {@code restoreEvery} is the school's consent given again (by SOAP) for
     * the family of the nearest withdrawal before it, if no consent was given again since. 0: none
     * of the kind. Everything else is a referral meant to be accepted; referral i is about family i + 1.
     */
    record Mix(int sftpEvery, int refuseEvery, int shareEvery, int withdrawEvery, int restoreEvery) {

        Partners.Kind kind(int i) {
            if (refusedAt(i)) {
                return i / refuseEvery % 2 == 0 ? Partners.Kind.CONCERN_IN_THE_FUTURE : Partners.Kind.POSTCODE_NOT_ISSUED;
            }
            return shareAt(i) ? Partners.Kind.INFORMATION_SHARE : withdrawalAt(i) ? Partners.Kind.CONSENT_WITHDRAWN
                    : restoredAt(i) ? Partners.Kind.CONSENT_GIVEN : Partners.Kind.GOOD;
        }

        /** The family message i is about. */
        int family(int i) {
            return 1 + (shareAt(i) ? shareTarget(i) : withdrawalAt(i) ? withdrawalTarget(i)
                    : restoredAt(i) ? withdrawalTarget(restoreTarget(i)) : i);
        }

        boolean bySftp(int i) {
            return shareAt(i) || !withdrawalAt(i) && !restoredAt(i) && i % sftpEvery == 0;
        }

        private boolean refusedAt(int i) {
            return refuseEvery > 0 && i % refuseEvery == i / refuseEvery % refuseEvery;
        }

        private boolean shareAt(int i) {
            return shareEvery > 1 && i >= shareEvery && !refusedAt(i) && i % shareEvery == shareEvery - 1;
        }

        private boolean withdrawalAt(int i) {
            return withdrawEvery > 1 && sftpEvery > 1 && i >= withdrawEvery && !refusedAt(i) && !shareAt(i)
                    && i % withdrawEvery == withdrawEvery / 2;
        }

        private boolean restoredAt(int i) {
            return restorePlace(i) && restoreTarget(i) >= 0;
        }

        private boolean restorePlace(int i) {
            return restoreEvery > 3 && withdrawEvery > 1 && sftpEvery > 1 && !refusedAt(i) && !shareAt(i) && !withdrawalAt(i)
                    && i % restoreEvery == restoreEvery - 3;
        }

        /** The withdrawal message i gives consent again after: the nearest before it, unless consent was given again since; or -1. */
        private int restoreTarget(int i) {
            for (int k = i - 1; k >= 0; k--) {
                if (withdrawalAt(k)) {
                    return k;
                }
                if (restorePlace(k)) {
                    return -1;
                }
            }
            return -1;
        }

        private boolean referralAt(int i) {
            return !refusedAt(i) && !shareAt(i) && !withdrawalAt(i) && !restoredAt(i);
        }

        private boolean schoolReferralAt(int i) {
            return referralAt(i) && i % sftpEvery != 0;
        }

        private int withdrawalTarget(int i) {
            for (int j = i - 1; j >= 0; j--) {
                if (schoolReferralAt(j)) {
                    return j;
                }
            }
            throw new IllegalStateException("no referral by the school before message " + i);
        }

        private int shareTarget(int i) {
            for (int j = i - 1; j >= 0; j--) {
                if (referralAt(j) && !withdrawn(j)) {
                    return j;
                }
            }
            throw new IllegalStateException("no referral before message " + i);
        }

        /** Whether a withdrawal is about referral j's family: the first withdrawal after j, before the school's next referral. */
        private boolean withdrawn(int j) {
            if (withdrawEvery <= 1 || !schoolReferralAt(j)) {
                return false;
            }
            for (int k = j + 1; ; k++) {
                if (withdrawalAt(k)) {
                    return true;
                }
                if (schoolReferralAt(k)) {
                    return false;
                }
            }
        }
    }

    private static void kill(Victim victim, GatewayUnderTest gateway, ExternalArtemis broker, Random random) throws Exception {
        switch (victim) {
            case GATEWAY -> {
                gateway.kill();
                System.out.printf("gateway restarted in %d ms%n", gateway.start().toMillis());
            }
            case BROKER -> {
                // the gateway keeps running without its broker for a while, then must find it again by itself
                broker.kill();
                Thread.sleep(1000 + random.nextInt(4000));
                System.out.printf("broker restarted in %d ms%n", broker.restart().toMillis());
            }
            case BOTH -> {
                broker.kill();
                gateway.kill();
                long brokerBack = broker.restart().toMillis();
                System.out.printf("broker restarted in %d ms, gateway in %d ms%n", brokerBack, gateway.start().toMillis());
            }
        }
    }

    /**
     * Waits for the household step to take in everything queued: as long as the intake queue keeps
     * shrinking (a slow machine is not a lost message), giving up only after three minutes without
     * progress, and saying so, since the reconciliation that follows will then count the backlog as lost.
     */
    private static void drain(GatewayUnderTest gateway) throws Exception {
        Instant began = Instant.now();
        long depth = gateway.queueDepth("gateway.intake");
        long least = depth;
        Instant stalledSince = Instant.now();
        while (depth != 0 && Duration.between(stalledSince, Instant.now()).compareTo(Duration.ofMinutes(3)) < 0) {
            Thread.sleep(500);
            depth = gateway.queueDepth("gateway.intake");
            if (depth < least) {
                least = depth;
                stalledSince = Instant.now();
            }
        }
        System.out.printf(depth == 0 ? "intake drained in %d s%n" : "intake NOT drained: %d s, %d message(s) left on gateway.intake"
                + " with no progress for three minutes%n", Duration.between(began, Instant.now()).toSeconds(), depth);
    }

    /**
     * Waits for the partners to get a definite answer for every message, or gives up once none has
     * come for {@code stalled} (a gateway that accepts nothing any more): false then.
     */
    private static boolean awaitSending(List<Future<?>> sending, Ledger ledger, Duration stalled) throws InterruptedException {
        int settled = ledger.all().size();
        Instant lastProgress = Instant.now();
        while (sending.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(1000);
            if (ledger.all().size() > settled) {
                settled = ledger.all().size();
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).compareTo(stalled) > 0) {
                return false;
            }
        }
        return true;
    }

    private static void awaitSettled(Ledger ledger, int settled, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (ledger.all().size() < settled && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private static void awaitProgress(Ledger ledger, Duration within) throws InterruptedException {
        int before = ledger.all().size();
        Instant deadline = Instant.now().plus(within);
        while (ledger.all().size() == before && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private static boolean reconcile(Ledger ledger, GatewayUnderTest gateway, int messagesSent) {
        // one case per household, in versions: a message reached the family team when a version names it among its
        // sources (with the receipt of the delivery that was kept); a duplicate is a case version delivered twice
        Map<String, java.util.Set<String>> casesByMessage = new HashMap<>();
        Map<String, Integer> casesByReceipt = new HashMap<>();
        Map<String, String> quarantinedByMessage = new HashMap<>();
        // the case each message reached, each case's last version, and the version that said its consent was withdrawn
        Map<String, String> caseOfMessage = new HashMap<>();
        Map<String, Integer> lastVersion = new HashMap<>();
        Map<String, Integer> withdrawnVersion = new HashMap<>();
        Map<String, CaseStatusType> lastStatus = new HashMap<>();
        int cases = 0;
        try (FamilyTeam team = FamilyTeam.at(gateway.amqpUrl())) {
            for (Optional<FamilyTeam.Delivered> c = team.pollCase(Duration.ofSeconds(10)); c.isPresent(); c = team.pollCase(Duration.ofSeconds(3))) {
                cases++;
                CaseType delivered = c.get().asCase();
                casesByReceipt.merge(delivered.getCaseId() + ":" + delivered.getVersion(), 1, Integer::sum);
                delivered.getSource().forEach(s -> casesByMessage.computeIfAbsent(s.getMessageId(), m -> new java.util.HashSet<>())
                        .add(s.getReceiptId()));
                delivered.getSource().forEach(s -> caseOfMessage.put(s.getMessageId(), delivered.getCaseId()));
                if (delivered.getVersion().intValue() >= lastVersion.getOrDefault(delivered.getCaseId(), 0)) {
                    lastStatus.put(delivered.getCaseId(), delivered.getStatus());
                }
                lastVersion.merge(delivered.getCaseId(), delivered.getVersion().intValue(), Math::max);
                if (delivered.getStatus() == CaseStatusType.WITHDRAWN) {
                    withdrawnVersion.put(delivered.getCaseId(), delivered.getVersion().intValue());
                }
            }
            for (Optional<FamilyTeam.Delivered> q = team.pollQuarantine(Duration.ofSeconds(3)); q.isPresent(); q = team.pollQuarantine(Duration.ofSeconds(2))) {
                String messageId = q.get().property("fgSenderMessageId");
                if (messageId != null) {
                    quarantinedByMessage.put(messageId, q.get().property("fgReasonCode"));
                }
            }
        }
        Map<Ledger.Outcome, Integer> outcomes = new HashMap<>();
        // families whose referral was accepted: a share about any other has no case to reach
        Set<Integer> referred = new HashSet<>();
        ledger.all().values().stream().filter(sent -> sent.kind() == Partners.Kind.GOOD && sent.outcome() != Ledger.Outcome.REJECTED)
                .forEach(sent -> referred.add(sent.family()));
        // families whose consent was given again after their withdrawal: their case resumes after its WITHDRAWN version
        Set<Integer> restored = new HashSet<>();
        ledger.all().values().stream().filter(sent -> sent.kind() == Partners.Kind.CONSENT_GIVEN && sent.outcome() != Ledger.Outcome.REJECTED)
                .forEach(sent -> restored.add(sent.family()));
        int sharesAccepted = 0;
        int sharesInCases = 0;
        int withdrawalsAccepted = 0;
        int withdrawnLast = 0;
        int givenAccepted = 0;
        int resumed = 0;
        int withoutCase = 0;
        int refusedAsMeant = 0;
        int missing = 0;
        int quarantinedOnly = 0;
        int earlierReceipt = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Ledger.Sent> e : ledger.all().entrySet()) {
            Ledger.Sent sent = e.getValue();
            outcomes.merge(sent.outcome(), 1, Integer::sum);
            int found = casesByMessage.getOrDefault(e.getKey(), java.util.Set.of()).size();
            if (sent.expected() != null) {
                // made to be refused: refused for that reason, quarantined with it, and never on the family team's queue
                if (sent.outcome() != Ledger.Outcome.REJECTED || !sent.expected().equals(sent.reason())) {
                    problems.add("NOT REFUSED AS IT SHOULD BE: " + sent.channel() + " message " + e.getKey() + " made to be refused as "
                            + sent.expected() + " was answered " + sent.outcome() + (sent.reason() == null ? "" : " " + sent.reason()));
                } else if (!sent.expected().equals(quarantinedByMessage.get(e.getKey()))) {
                    problems.add("NOT QUARANTINED: " + sent.channel() + " message " + e.getKey() + " refused as " + sent.reason()
                            + " is not in quarantine with that reason (" + quarantinedByMessage.get(e.getKey()) + ")");
                } else {
                    refusedAsMeant++;
                }
                if (found > 0) {
                    problems.add("refused " + e.getKey() + " (" + sent.reason() + ") reached the family team");
                }
                continue;
            }
            if (sent.outcome() == Ledger.Outcome.REJECTED) {
                System.out.printf("  rejected: %s message %s after %d attempt(s): %s%n", sent.channel(), e.getKey(), sent.attempts(),
                        sent.reason());
                if (found > 0) {
                    problems.add("rejected " + e.getKey() + " (" + sent.reason() + ") reached the family team");
                }
                continue;
            }
            boolean aboutAReferral = sent.kind() == Partners.Kind.INFORMATION_SHARE || sent.kind() == Partners.Kind.CONSENT_WITHDRAWN
                    || sent.kind() == Partners.Kind.CONSENT_GIVEN;
            if (sent.kind() == Partners.Kind.INFORMATION_SHARE) {
                sharesAccepted++;
                sharesInCases += found > 0 ? 1 : 0;
            }
            if (sent.kind() == Partners.Kind.CONSENT_WITHDRAWN) {
                withdrawalsAccepted++;
                String caseId = caseOfMessage.get(e.getKey());
                if (caseId != null && withdrawnVersion.containsKey(caseId)
                        && (restored.contains(sent.family()) || withdrawnVersion.get(caseId).equals(lastVersion.get(caseId)))) {
                    // the last version, unless consent was given again: then that message's check says the case resumed after it
                    withdrawnLast++;
                } else if (caseId != null) {
                    problems.add("FORWARDED AFTER CONSENT WAS WITHDRAWN: case " + caseId + " reached version " + lastVersion.get(caseId)
                            + ", its withdrawal (message " + e.getKey() + ") " + (withdrawnVersion.containsKey(caseId)
                            ? "was version " + withdrawnVersion.get(caseId) : "made no WITHDRAWN version"));
                }
            }
            if (sent.kind() == Partners.Kind.CONSENT_GIVEN) {
                givenAccepted++;
                String caseId = caseOfMessage.get(e.getKey());
                if (caseId != null && withdrawnVersion.containsKey(caseId) && lastVersion.get(caseId) > withdrawnVersion.get(caseId)
                        && lastStatus.get(caseId) != CaseStatusType.WITHDRAWN) {
                    resumed++;
                } else if (caseId != null) {
                    problems.add("NOT RESUMED: case " + caseId + " reached version " + lastVersion.get(caseId) + " (" + lastStatus.get(caseId)
                            + "), consent given again by message " + e.getKey() + " after " + (withdrawnVersion.containsKey(caseId)
                            ? "WITHDRAWN version " + withdrawnVersion.get(caseId) : "no WITHDRAWN version"));
                }
            }
            if (found == 0 && quarantinedByMessage.containsKey(e.getKey())) {
                quarantinedOnly++;
            } else if (found == 0 && aboutAReferral && !referred.contains(sent.family())) {
                // kept as evidence: the referral it would have joined was refused for a reason of its own (printed above)
                withoutCase++;
            } else if (found == 0) {
                missing++;
                problems.add("LOST: " + sent.channel() + " message " + e.getKey() + " (" + sent.outcome() + ", receipt " + sent.receiptId() + ")");
            } else if (found > 1) {
                problems.add("DUPLICATED: message " + e.getKey() + " was taken in as " + found + " deliveries");
            }
            if (found == 1 && sent.receiptId() != null && !casesByMessage.get(e.getKey()).contains(sent.receiptId())) {
                // a resend took over the claim of a delivery a crash cut off after it was durable: the broker kept
                // the first copy (duplicate detection), so the case names the first delivery's receipt
                earlierReceipt++;
            }
        }
        long strangers = casesByMessage.keySet().stream().filter(m -> !ledger.all().containsKey(m)).count();
        long twice = casesByReceipt.values().stream().filter(n -> n > 1).count();
        if (ledger.all().size() < messagesSent) {
            problems.add((messagesSent - ledger.all().size()) + " message(s) never had a definite answer: the gateway stopped taking messages in");
        }
        if (strangers > 0) {
            problems.add(strangers + " case(s) for message ids no partner sent");
        }
        if (twice > 0) {
            problems.add(twice + " case version(s) delivered more than once");
        }
        System.out.println();
        System.out.println("reconciliation");
        System.out.printf("  messages sent                      %6d%n", messagesSent);
        System.out.printf("  with a definite answer             %6d%n", ledger.all().size());
        System.out.printf("  accepted, receipt received         %6d%n", outcomes.getOrDefault(Ledger.Outcome.ACCEPTED, 0));
        System.out.printf("  accepted, receipt lost in a crash  %6d  (the resend was refused as REPLAYED)%n",
                outcomes.getOrDefault(Ledger.Outcome.ACCEPTED_RECEIPT_LOST, 0));
        System.out.printf("  rejected                           %6d%n", outcomes.getOrDefault(Ledger.Outcome.REJECTED, 0));
        System.out.printf("  made to be refused                 %6d%n", ledger.all().values().stream().filter(s -> s.expected() != null).count());
        System.out.printf("  refused so, quarantined with why   %6d%n", refusedAsMeant);
        System.out.printf("  information shares accepted        %6d%n", sharesAccepted);
        System.out.printf("    in their family's case           %6d%n", sharesInCases);
        System.out.printf("  withdrawals of consent accepted    %6d%n", withdrawalsAccepted);
        System.out.printf("    their case's WITHDRAWN version   %6d  (the last, unless consent was given again)%n", withdrawnLast);
        System.out.printf("  consent given again accepted       %6d%n", givenAccepted);
        System.out.printf("    their case resumed after it      %6d  (a later version, not WITHDRAWN)%n", resumed);
        System.out.printf("  about a family never referred      %6d  (kept as evidence: its referral was rejected)%n", withoutCase);
        System.out.printf("  case versions on family-team.cases %6d  (one case per household, a version per change)%n", cases);
        System.out.printf("  accepted and quarantined instead   %6d%n", quarantinedOnly);
        System.out.printf("  case names an earlier delivery     %6d  (a resend after a crash; the broker kept the first copy)%n",
                earlierReceipt);
        System.out.printf("  accepted but lost                  %6d%n", missing);
        System.out.printf("  duplicate cases                    %6d%n", twice + casesByMessage.values().stream().filter(l -> l.size() > 1).count());
        System.out.printf("  cases no partner sent              %6d%n", strangers);
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        System.out.println(problems.isEmpty() ? "RECONCILED: nothing lost, nothing duplicated" : "NOT RECONCILED: " + problems.size() + " problem(s)");
        return problems.isEmpty();
    }

    /**
     * After the gateway has stopped: the audit log, appended to by every kill's victim, verifies
     * against the checkpoints signed along the way (audit verify, as IG would run it); every receipt
     * a partner was told was ACCEPTED was audited ACCEPTED, every one it was told was REJECTED
     * audited REJECTED; and no receipt is audited both ACCEPTED and REJECTED (every message the
     * harness sends is accepted or refused whole: its shares hold no record to reject).
     */
    private static boolean auditHolds(Ledger ledger, GatewayUnderTest gateway) throws Exception {
        JavaProcesses.Output verify = gateway.command("audit", "verify");
        String summary = verify.text().lines().filter(l -> l.contains("VERIFIED")).findFirst()
                .orElse("no verdict printed (exit " + verify.exit() + "): " + verify.text().strip());
        Set<String> accepted = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        GatewaySettings settings = gateway.settings();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.database().user(), settings.database().password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select event_type, receipt_id from audit_event "
                     + "where event_type in ('ACCEPTED', 'REJECTED') and receipt_id is not null")) {
            while (rows.next()) {
                (rows.getString(1).equals("ACCEPTED") ? accepted : rejected).add(rows.getString(2));
            }
        }
        long both = accepted.stream().filter(rejected::contains).count();
        long unaudited = ledger.all().values().stream()
                .filter(sent -> sent.outcome() == Ledger.Outcome.ACCEPTED && !accepted.contains(sent.receiptId())).count();
        long refusalsUnaudited = ledger.all().values().stream()
                .filter(sent -> sent.outcome() == Ledger.Outcome.REJECTED && !rejected.contains(sent.receiptId())).count();
        System.out.println();
        System.out.println("audit log (after the gateway stopped)");
        System.out.println("  " + summary);
        System.out.printf("  receipts audited ACCEPTED           %6d%n", accepted.size());
        System.out.printf("  told ACCEPTED, not audited so       %6d%n", unaudited);
        System.out.printf("  receipts audited REJECTED           %6d%n", rejected.size());
        System.out.printf("  told REJECTED, not audited so       %6d%n", refusalsUnaudited);
        System.out.printf("  audited both ACCEPTED and REJECTED  %6d%n", both);
        boolean holds = verify.exit() == 0 && unaudited == 0 && refusalsUnaudited == 0 && both == 0;
        System.out.println(holds ? "AUDIT HOLDS: it verifies, and says what the partners were told"
                : "AUDIT DOES NOT HOLD: " + (verify.exit() == 0 ? "" : "the log does not verify; ")
                        + (unaudited == 0 ? "" : unaudited + " accepted receipt(s) never audited ACCEPTED; ")
                        + (refusalsUnaudited == 0 ? "" : refusalsUnaudited + " refusal receipt(s) never audited REJECTED; ")
                        + (both == 0 ? "" : both + " receipt(s) audited both ACCEPTED and REJECTED"));
        return holds;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
