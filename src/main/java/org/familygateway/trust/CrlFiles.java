package org.familygateway.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs the deployment supplies as files, re-read when a file changes (looked at every 30 seconds at
 * most), so a new CRL takes effect without a restart. Warns when a CRL is about to go out of date,
 * since after that its partners' messages are refused.
 */
final class CrlFiles implements Supplier<List<X509CRL>> {

    private static final Logger LOG = LoggerFactory.getLogger(CrlFiles.class);
    private static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Duration WARN_BEFORE_NEXT_UPDATE = Duration.ofDays(3);

    private final List<Path> files;
    private final Clock clock;
    private volatile List<X509CRL> crls = List.of();
    private volatile List<FileTime> versions = List.of();
    private volatile Instant checkedAt = Instant.MIN;

    CrlFiles(List<Path> files, Clock clock) {
        this.files = List.copyOf(files);
        this.clock = clock;
        get();
    }

    @Override
    public List<X509CRL> get() {
        if (Duration.between(checkedAt, clock.instant()).compareTo(RECHECK) >= 0) {
            reloadIfChanged();
        }
        return crls;
    }

    private synchronized void reloadIfChanged() {
        checkedAt = clock.instant();
        List<FileTime> now = files.stream().map(CrlFiles::modified).toList();
        if (now.equals(versions)) {
            return;
        }
        List<X509CRL> loaded = new ArrayList<>();
        files.forEach(file -> loaded.addAll(read(file)));
        crls = List.copyOf(loaded);
        versions = now;
        loaded.forEach(this::warnIfStale);
        LOG.info("revocation lists loaded: {} CRL(s) from {} file(s)", loaded.size(), files.size());
    }

    private void warnIfStale(X509CRL crl) {
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant().plus(WARN_BEFORE_NEXT_UPDATE))) {
            LOG.warn("the CRL of {} must be replaced by {}: after that, its partners' messages are refused",
                    crl.getIssuerX500Principal(), crl.getNextUpdate().toInstant());
        }
    }

    private static List<X509CRL> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509CRL> found = new ArrayList<>();
            for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                found.add((X509CRL) crl);
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException(file + ": no CRL in the file");
            }
            return found;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a CRL (" + e.getMessage() + ")", e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRL " + file, e);
        }
    }
}
