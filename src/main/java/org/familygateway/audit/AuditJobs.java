package org.familygateway.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit's timed work: a checkpoint every few minutes (if the log has grown since the last),
 * the retention purge, and deferred entries whose delivery wrote no next entry (AuditTrail#defer)
 * written on their own. A failed run is logged and tried again at the next interval.
 */
public final class AuditJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJobs.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audit-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** How long a deferred entry waits for its delivery's next entry before it is written on its own. */
    static final Duration DEFERRED_PATIENCE = Duration.ofSeconds(10);

    public AuditJobs(AuditTrail trail, Checkpoints checkpoints, Duration checkpointEvery, RetentionPurge purge, Duration purgeEvery) {
        every(Duration.ofSeconds(1), "write of deferred entries", () -> {
            int written = trail.flushDeferred(DEFERRED_PATIENCE);
            if (written > 0) {
                // a delivery slowed for seconds (the first requests after a start set up caches; an SFTP arrival is
                // retried while the broker is down), or one that ended without another entry
                LOG.info("{} deferred audit entries written on their own: no further step of their delivery came within {}",
                        written, DEFERRED_PATIENCE);
            }
        });
        every(checkpointEvery, "checkpoint", () -> checkpoints.signNow()
                .ifPresent(c -> LOG.info("signed audit checkpoint at size {} root {}", c.size(), c.rootHex())));
        every(purgeEvery, "retention purge", () -> {
            RetentionPurge.Result result = purge.run();
            if (result.purged() > 0) {
                LOG.info("retention purged the details of {} audit entries", result.purged());
            }
        });
    }

    private void every(Duration interval, String name, Runnable job) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("audit {} failed; it runs again in {}: {}", name, interval, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
