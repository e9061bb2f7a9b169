package org.familygateway.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.familygateway.trust.AlgorithmPolicy;

/**
 * The {@code trust:} section of gateway.yaml: revocation sources, the algorithm policy, the replay
 * window and when to warn of expiring certificates. Every value has a safe default when left out.
 */
public record TrustSettings(List<Path> crls, String ocspResponder, Algorithms algorithms, Integer replayWindowDays,
                            Integer expiryWarningDays) {

    /** The algorithms partners may sign with. */
    public record Algorithms(Integer minimumRsaBits, List<String> ecCurves, Boolean ed25519, List<String> digests) {
    }

    static TrustSettings defaults() {
        return new TrustSettings(List.of(), null, null, null, null);
    }

    public List<Path> crlFiles() {
        return crls == null ? List.of() : crls;
    }

    public AlgorithmPolicy algorithmPolicy() {
        Algorithms a = algorithms == null ? new Algorithms(null, null, null, null) : algorithms;
        return new AlgorithmPolicy(a.minimumRsaBits() == null ? 2048 : a.minimumRsaBits(),
                Set.copyOf(a.ecCurves() == null ? List.of("P-256", "P-384") : a.ecCurves()),
                a.ed25519() == null || a.ed25519(),
                Set.copyOf(a.digests() == null ? List.of("SHA-256", "SHA-384", "SHA-512") : a.digests()));
    }

    public int replayWindow() {
        return replayWindowDays == null ? 400 : replayWindowDays;
    }

    public int expiryWarning() {
        return expiryWarningDays == null ? 60 : expiryWarningDays;
    }
}
