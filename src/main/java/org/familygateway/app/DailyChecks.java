package org.familygateway.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.familygateway.trust.CertificateExpiry;
import org.familygateway.trust.MessageIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once a day (and at start-up): warn of certificates about to expire, forget message ids past the replay window. */
final class DailyChecks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyChecks.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "daily-checks");
        thread.setDaemon(true);
        return thread;
    });

    DailyChecks(CertificateExpiry certificates, Duration warnWithin, MessageIds messageIds) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                certificates.warnAbout(warnWithin);
                int forgotten = messageIds.forgetExpired();
                if (forgotten > 0) {
                    LOG.info("forgot {} message ids older than the replay window", forgotten);
                }
            } catch (RuntimeException e) {
                LOG.error("the daily checks failed", e);
            }
        }, 0, 1, TimeUnit.DAYS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
