package org.familygateway.intake;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SFTP arrivals the gateway could not answer, not even with a refusal (the broker or the database
 * out of reach, or a fault of the gateway's own): each stays in {@code arrivals/}, so nothing a
 * partner uploaded is lost, and is tried again after a back-off that doubles from {@code first} up
 * to {@code longest}, instead of on every poll. As the arrivals route's file filter it holds an
 * arrival back until its next try is due; the route tells it how each try ended. Every failed try is
 * logged as an ERROR, the failing arrivals are counted for the metrics, and the SFTP health check
 * reports any that has failed for longer than {@code unhealthyAfter}. In memory: a restart tries
 * every arrival again at once.
 */
public final class ArrivalRetries implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalRetries.class);

    /** An arrival that has failed: how often, since when, and when it may be tried again. */
    public record Failing(String arrival, int tries, Instant since, Instant nextTry) {
    }

    private final Clock clock;
    private final Duration first;
    private final Duration longest;
    private final Duration unhealthyAfter;
    private final ConcurrentMap<String, Failing> failing = new ConcurrentHashMap<>();

    public ArrivalRetries(Clock clock, Duration first, Duration longest, Duration unhealthyAfter) {
        this.clock = clock;
        this.first = first;
        this.longest = longest;
        this.unhealthyAfter = unhealthyAfter;
    }

    /** The route's file filter: folders are always walked; an arrival is taken once its next try is due. */
    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return true;
        }
        Failing f = failing.get(file.getAbsoluteFilePath());
        return f == null || !clock.instant().isBefore(f.nextTry());
    }

    /** Route step (on failure): the try failed even to refuse the arrival; it waits longer before the next. */
    public void failed(Exchange exchange) {
        String arrival = arrival(exchange).getAbsoluteFilePath();
        Instant now = clock.instant();
        Failing f = failing.compute(arrival, (key, before) -> {
            int tries = before == null ? 1 : before.tries() + 1;
            return new Failing(key, tries, before == null ? now : before.since(), now.plus(backOff(tries)));
        });
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("SFTP arrival {} could not be answered, not even refused (try {}, failing since {}); it stays in arrivals/ "
                + "and is tried again at {}", relative(exchange), f.tries(), f.since(), f.nextTry(), cause);
    }

    /** Route step (on completion): the arrival was answered, accepted or refused. */
    public void answered(Exchange exchange) {
        Failing f = failing.remove(arrival(exchange).getAbsoluteFilePath());
        if (f != null) {
            LOG.info("SFTP arrival {} answered after {} failed tries since {}", relative(exchange), f.tries(), f.since());
        }
    }

    /** How long an arrival waits after its n-th failed try. */
    Duration backOff(int tries) {
        Duration wait = first;
        for (int i = 1; i < tries && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) < 0 ? wait : longest;
    }

    /** The arrivals failing now. */
    public int failingCount() {
        return failing.size();
    }

    /** For the health check: a problem when an arrival has failed for longer than the configured time. */
    public Optional<String> problem() {
        Instant now = clock.instant();
        return failing.values().stream().min(Comparator.comparing(Failing::since))
                .filter(oldest -> Duration.between(oldest.since(), now).compareTo(unhealthyAfter) > 0)
                .map(oldest -> failing.size() + " SFTP arrival(s) could not be answered, the oldest failing since " + oldest.since()
                        + " (" + oldest.tries() + " tries); see the log");
    }

    /** The file the route took (kept as a property: steps may change the headers). */
    private static GenericFile<?> arrival(Exchange exchange) {
        return exchange.getProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE, GenericFile.class);
    }

    /** partner/file as it sits under arrivals/: the name the partner gave it, never its content. */
    private static String relative(Exchange exchange) {
        return arrival(exchange).getRelativeFilePath();
    }
}
