package org.familygateway.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.familygateway.app.GatewaySettings;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.testing.Examples;
import org.familygateway.testing.FamilyTeam;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestGateway;
import org.familygateway.trust.Pem;

/**
 * Signed SOAP referrals, end to end against a running gateway (its own JVM): at each concurrency the
 * receipts' rate and latency (p50, p99), and end to end, referrals per second from the first send
 * until the family team (draining family-team.cases) has every one of them as a case; then, in
 * the same run, the bare limit (BareIntake: signature, validation, durable enqueue of the same kind of
 * messages, no gateway) at the same concurrency, and the ratio. Envelopes are signed before each
 * timed run, so the load generator's own signing does not compete with the gateway for the CPU.
 *
 *   benchmarks/run SoapReferralBenchmark -Xmx1g -- --messages 4000 --concurrency 4,16,64 --gateway-heap 512m
 *   (warm-up: rounds of 1,000 referrals, each signed just before it is sent, at least --warm-up of them, then on until
 *   the gateway's JIT compiled for less than --settle percent of a round (default 10) or --warm-up-limit referrals
 *   (default 20,000) have gone: the JIT of a JVM this size works for minutes after a start, and a figure taken while
 *   it does is the start's, not the gateway's. Each level prints the gateway's CPU time per referral, end to end.)
 *   (--no-bare: the gateway only; --intake-only: the household step not started, to see what intake
 *   alone makes; --partners 1: the school's referrals only; --database postgresql: a fresh schema on
 *   the PostgreSQL the tests use, not embedded H2; --gateway-jvm "-XX:StartFlightRecording=filename=/tmp/g.jfr": profile it)
 */
public final class SoapReferralBenchmark {

    /**
     * The partners that refer under the example agreement, in turn: a county's referrals come from
     * many agencies, and the household step takes each partner's in order (one JMS group each), so
     * referrals from one partner alone would be taken one at a time. --partners 1 sends the school's only.
     */
    private static final List<Referrer> ALL_REFERRERS = List.of(
            new Referrer(TestGateway.partner("example-school"), "Example Primary School", AgencyKindType.SCHOOL),
            new Referrer(TestGateway.partner("example-police"), "Example Constabulary", AgencyKindType.POLICE),
            new Referrer(TestGateway.partner("example-housing"), "Example Housing Association", AgencyKindType.HOUSING));

    private static List<Referrer> referrers = ALL_REFERRERS;

    private record Referrer(PartnerIdentity identity, String name, AgencyKindType kind) {
        ReferralType referral() {
            return Examples.referralAboutAFamilyOfItsOwn(identity.partnerId(), name, kind);
        }
    }

    private SoapReferralBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int messages = Integer.parseInt(options.getOrDefault("messages", "4000"));
        int[] levels = Arrays.stream(options.getOrDefault("concurrency", "4,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "1500"));
        int warmUpLimit = Integer.parseInt(options.getOrDefault("warm-up-limit", "20000"));
        double settle = Double.parseDouble(options.getOrDefault("settle", "10"));
        String heap = options.getOrDefault("gateway-heap", "512m");
        referrers = ALL_REFERRERS.subList(0, Integer.parseInt(options.getOrDefault("partners", String.valueOf(ALL_REFERRERS.size()))));
        System.out.printf("%d processors; gateway heap %s; %d messages per run (after %d to warm up), from %d partners in turn%n",
                Runtime.getRuntime().availableProcessors(), heap, messages, warmUp, referrers.size());
        List<Result> gateway = new ArrayList<>();
        GatewaySettings settings;
        List<String> jvm = Options.gatewayJvm(options, options.containsKey("intake-only")
                ? List.of("-Xmx" + heap, "-Xms" + heap, "-Dgateway.pipeline.autoStartup=false") : List.of("-Xmx" + heap, "-Xms" + heap));
        boolean bareToo = !options.containsKey("no-bare");
        boolean intakeOnly = options.containsKey("intake-only");
        TestDatabases.Kind database = TestDatabases.Kind.valueOf(options.getOrDefault("database", "h2").toUpperCase(Locale.ROOT));
        try (GatewayProcess process = GatewayProcess.start(jvm, database)) {
            settings = process.settings();
            List<X509Certificate> anchors = settings.trustAnchors().stream().flatMap(p -> Pem.certificates(p).stream()).toList();
            String address = settings.soap().address();
            try (Drain drain = new Drain("amqp://127.0.0.1:" + settings.broker().port())) {
                long cases = warmUp(process, drain, intakeOnly, warmUp, warmUpLimit, settle,
                        envelopes -> run("warm-up", 8, envelopes, envelope -> post(address, anchors, envelope)),
                        count -> sign(address, anchors, count));
                for (int concurrency : levels) {
                    List<byte[]> envelopes = sign(address, anchors, messages);
                    long started = System.nanoTime();
                    Duration cpuBefore = process.cpu();
                    long compilingBefore = process.compilingMillis();
                    Result accepted = run("gateway", concurrency, envelopes, envelope -> post(address, anchors, envelope));
                    if (intakeOnly) {
                        gateway.add(accepted);
                        continue;
                    }
                    // end to end: until the family team has the case of every referral of this run that was
                    // accepted (each is about a family of its own, so each makes a case of its own)
                    long receipts = System.nanoTime();
                    cases += accepted.accepted;
                    long done = drain.awaitCases(cases);
                    double perSecond = accepted.accepted / ((done - started) / 1e9);
                    double cpuMillis = (process.cpu().minus(cpuBefore)).toNanos() / 1e6 / Math.max(1, accepted.accepted);
                    long compiled = process.compilingMillis() - compilingBefore;
                    System.out.printf("end to end   concurrency %3d: the last case %.1f s after the last receipt: %d referrals to cases "
                            + "in %.1f s = %6.0f/s; the gateway's CPU %.1f ms a referral, %.1f ms of it the JIT's (compiling %.0f%% of a core)%n",
                            concurrency, (done - receipts) / 1e9, accepted.accepted, (done - started) / 1e9, perSecond, cpuMillis,
                            (double) compiled / Math.max(1, accepted.accepted), 100.0 * compiled / ((done - started) / 1e6));
                    gateway.add(new Result(perSecond, accepted.p50Micros, accepted.p99Micros, accepted.accepted, cpuMillis));
                }
                System.out.printf("family team took %d cases; heap in use in the gateway now %d MB%n", drain.cases(),
                        process.heapUsed() >> 20);
            }
        }
        if (!bareToo) {
            return;
        }
        Path folder = Files.createTempDirectory("fg-bare-");
        try (BareIntake bare = new BareIntake(settings, folder, referrers.stream()
                .collect(Collectors.toMap(r -> r.identity().signingCertificate(), r -> r.identity().partnerId())))) {
            String address = settings.soap().address();
            List<X509Certificate> anchors = List.of();
            run("bare warm-up", 2, sign(address, anchors, warmUp), bare::take);
            for (int i = 0; i < levels.length; i++) {
                List<byte[]> envelopes = sign(address, anchors, messages);
                Duration cpuBefore = ownCpu();
                Result limit = run("bare limit", levels[i], envelopes, bare::take);
                double cpuMillis = ownCpu().minus(cpuBefore).toNanos() / 1e6 / envelopes.size();
                System.out.printf("concurrency %d: gateway %.0f/s (%s) is %.0f%% of the bare limit %.0f/s; CPU a message %.1f ms "
                                + "against the bare limit's %.1f ms%n", levels[i], gateway.get(i).perSecond,
                        intakeOnly ? "accepted" : "end to end", 100 * gateway.get(i).perSecond / limit.perSecond, limit.perSecond,
                        gateway.get(i).cpuMillis, cpuMillis);
            }
        } finally {
            BareIntake.deleteQuietly(folder);
        }
    }

    private static final int WARM_UP_ROUND = 1000;

    /**
     * Warms the gateway up in rounds, each signed just before it is sent (so that no Timestamp grows
     * stale while it waits), until at least {@code least} referrals have gone and the JIT compiled for
     * less than {@code settle} percent of the last round, or {@code most} have gone. Returns how many
     * cases the family team then has.
     */
    private static long warmUp(GatewayProcess process, Drain drain, boolean intakeOnly, int least, int most, double settle,
                               Round round, Signer signer) throws Exception {
        long cases = 0;
        for (int sent = WARM_UP_ROUND; ; sent += WARM_UP_ROUND) {
            List<byte[]> envelopes = signer.sign(WARM_UP_ROUND);
            long startedAt = System.nanoTime();
            long compilingBefore = process.compilingMillis();
            cases += round.run(envelopes).accepted;
            if (!intakeOnly) {
                drain.awaitCases(cases);
            }
            double compiling = 100.0 * (process.compilingMillis() - compilingBefore) / ((System.nanoTime() - startedAt) / 1e6);
            System.out.printf("             the JIT compiling %.0f%% of a core in that round%n", compiling);
            if (sent >= least && compiling < settle) {
                System.out.printf("warm-up: %d referrals; the JIT settled (under %.0f%% of a core)%n", sent, settle);
                return cases;
            }
            if (sent >= most) {
                System.out.printf("warm-up: %d referrals; stopped at --warm-up-limit with the JIT still compiling%n", sent);
                return cases;
            }
        }
    }

    @FunctionalInterface
    private interface Round {
        Result run(List<byte[]> envelopes) throws Exception;
    }

    @FunctionalInterface
    private interface Signer {
        List<byte[]> sign(int count) throws Exception;
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    private static final ThreadLocal<RawSoap> CLIENTS = new ThreadLocal<>();

    private static boolean post(String address, List<X509Certificate> anchors, byte[] envelope) {
        RawSoap client = CLIENTS.get();
        if (client == null) {
            client = new RawSoap(address, anchors);
            CLIENTS.set(client);
        }
        return client.post(envelope).status() == 200;
    }

    private static List<byte[]> sign(String address, List<X509Certificate> anchors, int count) throws Exception {
        RawSoap signer = new RawSoap(address, anchors);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<byte[]>> signed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Referrer from = referrers.get(i % referrers.size());
            signed.add(pool.submit(() -> signer.signedEnvelope(Examples.xml(from.referral()), from.identity())));
        }
        List<byte[]> envelopes = new ArrayList<>();
        for (Future<byte[]> f : signed) {
            envelopes.add(f.get());
        }
        pool.shutdown();
        return envelopes;
    }

    /** What one message costs: true when it was accepted. */
    @FunctionalInterface
    interface Intake {
        boolean take(byte[] envelope) throws Exception;
    }

    /** A run's rate, latencies, how many were accepted, and (end to end) the gateway's CPU milliseconds a referral. */
    private record Result(double perSecond, long p50Micros, long p99Micros, int accepted, double cpuMillis) {
    }

    private static Result run(String what, int concurrency, List<byte[]> envelopes, Intake intake) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] micros = new long[envelopes.size()];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < envelopes.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    if (!intake.take(envelopes.get(i))) {
                        refused.incrementAndGet();
                    }
                    micros[i] = (System.nanoTime() - t0) / 1000;
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        Result result = new Result(envelopes.size() / seconds, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)],
                envelopes.size() - refused.get(), 0);
        System.out.printf("%-12s concurrency %3d: %6d messages in %6.1f s = %7.0f/s  p50 %6.1f ms  p99 %6.1f ms  refused %d%n", what,
                concurrency, envelopes.size(), seconds, result.perSecond, result.p50Micros / 1000.0, result.p99Micros / 1000.0,
                refused.get());
        return result;
    }

    /** The family team, consuming as fast as cases come, so that back-pressure never engages. */
    /** The family team: takes every case off family-team.cases and counts the cases (case ids) it has seen. */
    private static final class Drain implements AutoCloseable {
        private static final Duration PATIENCE = Duration.ofMinutes(15);
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Drain(String url) {
            FamilyTeam team = FamilyTeam.at(url);
            thread = new Thread(() -> {
                while (running.get()) {
                    team.pollCase(Duration.ofMillis(200)).ifPresent(c -> seen.add(c.property("fgCaseId")));
                }
                team.close();
            }, "family-team");
            thread.start();
        }

        long cases() {
            return seen.size();
        }

        /** Waits until the family team has this many cases; returns System.nanoTime() then. */
        long awaitCases(long count) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (seen.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the family team had " + seen.size() + " of " + count + " cases after " + PATIENCE);
                }
                Thread.sleep(20);
            }
            return System.nanoTime();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
