package org.familygateway.benchmarks;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.familygateway.app.GatewaySettings;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.GatewayReceipts;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.simulator.SftpPartnerClient;
import org.familygateway.testing.SyntheticShares;
import org.familygateway.testing.TestGateway;
import org.familygateway.app.TrustParts;
import org.familygateway.trust.SshKeys;

/**
 * A signed bulk share over SFTP, end to end against a running gateway (its own JVM, heap capped):
 * the school's synthetic termly share (SyntheticShares, as BulkShareBenchmark) of N records, CMS-signed
 * as a stream, uploaded; timed from the upload's close to the signed receipt (every record verified,
 * validated and durable on gateway.intake); then the household step is followed as it takes the
 * chunks in (at most --follow-minutes, default 20). Peak heap is the gateway's, sampled from its
 * metrics endpoint every 100 ms, up to the receipt and to the end.
 *
 *   benchmarks/run BulkSftpBenchmark -- --records 1000000 --gateway-heap 512m --intake-only
 *   benchmarks/run BulkSftpBenchmark -- --records 1000000 --gateway-heap 2g
 *   (--gateway-jvm "-XX:StartFlightRecording=filename=/tmp/g.jfr,settings=profile": profile the gateway)
 *   (--warm-up N: the records of the share sent first, untimed, default 20,000; a larger one lets the
 *   JIT compiler finish before the timed share, as in a gateway that has been running a while)
 */
public final class BulkSftpBenchmark {

    private static final PartnerIdentity SCHOOL = TestGateway.partner("example-school");

    private BulkSftpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        long records = Long.parseLong(options.getOrDefault("records", "1000000"));
        String heap = options.getOrDefault("gateway-heap", "512m");
        boolean intakeOnly = options.containsKey("intake-only");
        long warmUpRecords = Long.parseLong(options.getOrDefault("warm-up", "20000"));
        Path folder = Files.createTempDirectory("fg-bulk-sftp-");
        List<String> jvm = Options.gatewayJvm(options, intakeOnly
                ? List.of("-Xmx" + heap, "-Dgateway.pipeline.autoStartup=false") : List.of("-Xmx" + heap));
        try (GatewayProcess gateway = GatewayProcess.start(jvm)) {
            GatewaySettings settings = gateway.settings();
            Path share = SyntheticShares.write(folder.resolve("share.xml"), records, 1000, 42);
            Path signed = sign(share, folder.resolve("share.p7m"));
            Files.delete(share);
            System.out.printf("%d records, signed file %d MB; gateway heap cap %s%s; warmed up with %d records%n", records,
                    Files.size(signed) >> 20, heap, intakeOnly ? "; intake alone (the household step not started)" : "", warmUpRecords);
            warmUp(gateway, settings, folder, warmUpRecords, !intakeOnly);

            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> sample(gateway, peak, sampling), "heap-sampler");
            sampler.start();
            try (SftpPartnerClient school = client(settings)) {
                Instant started = Instant.now();
                upload(school, signed, "term.p7m");
                Instant uploaded = Instant.now();
                ReceiptType receipt = awaitReceipt(school, settings, "term.p7m", Duration.ofMinutes(30));
                Instant received = Instant.now();
                long intakePeak = peak.get();
                double processing = seconds(uploaded, received);
                System.out.printf("upload %.1f s; upload closed -> receipt %.1f s = %.0f records/s (%s: %s accepted, %s rejected); "
                                + "upload start -> receipt %.1f s%n", seconds(started, uploaded), processing, records / processing,
                        receipt.getOutcome(), receipt.getRecords().getAccepted(), receipt.getRecords().getRejected(),
                        seconds(started, received));
                System.out.printf("gateway peak heap in use up to the receipt (sampled every 100 ms): %d MB of %s%n", intakePeak >> 20, heap);
                // the household step takes the chunks on at its own pace (every record here is a pupil nobody holds yet:
                // a new person in the people index); follow it for a bounded time
                Duration follow = Duration.ofMinutes(intakeOnly ? 0 : Long.parseLong(options.getOrDefault("follow-minutes", "20")));
                long chunks = gateway.queueDepth("gateway.intake");
                Instant stop = received.plus(follow);
                long left = chunks;
                while (left > 0 && Instant.now().isBefore(stop)) {
                    Thread.sleep(1000);
                    left = gateway.queueDepth("gateway.intake");
                }
                Instant followed = Instant.now();
                sampling.set(false);
                sampler.join();
                double per = (chunks - Math.max(left, 0)) / Math.max(seconds(received, followed), 0.001);
                System.out.printf("household step after the receipt: %d of %d chunks taken in %.1f s = %.1f chunks/s (%d chunks left)%n",
                        chunks - Math.max(left, 0), chunks, seconds(received, followed), per, Math.max(left, 0));
                System.out.printf("gateway peak heap in use to the end: %d MB of %s%n", peak.get() >> 20, heap);
            }
        } finally {
            BareIntake.deleteQuietly(folder);
        }
    }

    private static void warmUp(GatewayProcess gateway, GatewaySettings settings, Path folder, long records, boolean drain)
            throws Exception {
        Path share = SyntheticShares.write(folder.resolve("warm.xml"), records, 1000, 7);
        Path signed = sign(share, folder.resolve("warm.p7m"));
        try (SftpPartnerClient school = client(settings)) {
            upload(school, signed, "warm-up.p7m");
            awaitReceipt(school, settings, "warm-up.p7m", Duration.ofMinutes(10));
        }
        while (drain && gateway.queueDepth("gateway.intake") > 0) {
            Thread.sleep(100);
        }
        Files.delete(share);
        Files.delete(signed);
    }

    private static void sample(GatewayProcess gateway, AtomicLong peak, AtomicBoolean sampling) {
        while (sampling.get()) {
            try {
                peak.accumulateAndGet(gateway.heapUsed(), Math::max);
                Thread.sleep(100);
            } catch (Exception e) {
                return;
            }
        }
    }

    private static SftpPartnerClient client(GatewaySettings settings) {
        return new SftpPartnerClient(settings.sftp().host(), settings.sftp().port(),
                SshKeys.publicKey(Path.of(settings.sftp().hostKey() + ".pub")), SCHOOL);
    }

    private static void upload(SftpPartnerClient client, Path file, String name) {
        client.withSftp(sftp -> {
            try (OutputStream out = sftp.write("inbox/" + name); InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
            return null;
        });
    }

    private static ReceiptType awaitReceipt(SftpPartnerClient client, GatewaySettings settings, String name, Duration within)
            throws Exception {
        GatewayReceipts checker = new GatewayReceipts(TrustParts.certificatePaths(settings, java.time.Clock.systemUTC()));
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            java.util.Optional<byte[]> receipt;
            try {
                receipt = client.withSftp(sftp -> SftpPartnerClient.receipt(sftp, name));
            } catch (java.io.UncheckedIOException busy) {
                // a connection refused or reset while the gateway is busy with the share: look again, as a partner would
                Thread.sleep(1000);
                continue;
            }
            if (receipt.isPresent()) {
                return checker.verify(receipt.get());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no receipt for " + name + " within " + within);
    }

    /** CMS SignedData, content encapsulated, written as a stream (the share never sits in memory). */
    private static Path sign(Path content, Path target) throws Exception {
        PrivateKey key = SCHOOL.signingKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, SCHOOL.signingCertificate()));
        generator.addCertificate(new JcaX509CertificateHolder(SCHOOL.signingCertificate()));
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
             OutputStream signing = generator.open(file, true);
             InputStream in = Files.newInputStream(content)) {
            in.transferTo(signing);
        }
        return target;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
