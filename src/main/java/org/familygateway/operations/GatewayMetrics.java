package org.familygateway.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Headers;

/**
 * The gateway's metrics, in Prometheus' text format. Counts come from the steps the routes audit
 * (so a message is counted exactly when its audit entry is written); latencies run from the moment
 * the gateway received the message to its receipt, and to its case on the family team's queue.
 * Labels carry partner ids, channels and reason codes, never message content.
 */
public final class GatewayMetrics implements AuditTrail.StepObserver, AutoCloseable {

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        // time the JIT has spent compiling: after a start it is busy for minutes, and a gateway is slower until it settles
        new JvmCompilationMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** A gauge read from the source when scraped. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** A count kept by the source, read from it when scraped (exposed with {@code _total}). */
    public <T> void count(String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    /** A gauge of the messages waiting on a broker queue. */
    public <T> void queueDepth(String queue, T source, ToDoubleFunction<T> depth) {
        Gauge.builder("fg_queue_depth", source, depth).description("messages waiting on a broker queue")
                .tag("queue", queue).register(registry);
    }

    @Override
    public void recorded(AuditEventType type, Map<String, Object> headers) {
        switch (type) {
            case ACCEPTED -> accepted(headers);
            case REJECTED -> counter("fg_messages_rejected", "messages refused as a whole, by reason", headers, true).increment();
            case QUARANTINED -> counter("fg_messages_quarantined", "messages kept on gateway.quarantine, by reason", headers, true)
                    .increment();
            case RECEIPT_SENT -> latency("fg_receipt_latency", "from receiving a message to its receipt", headers,
                    headers.get(Headers.REASON_CODE) == null ? "accepted" : "refused");
            case FORWARDED -> latency("fg_case_latency", "from receiving a message to its case on family-team.cases", headers,
                    "forwarded");
            default -> {
                // other steps are not counted
            }
        }
    }

    private void accepted(Map<String, Object> headers) {
        if ("true".equals(headers.get(Headers.ACCEPTED_BEFORE))) {
            return;   // an SFTP arrival taken up again: counted when its first try was accepted
        }
        counter("fg_messages_accepted", "messages accepted (durable on gateway.intake)", headers, false).increment();
        if (headers.get(Headers.RECORDS_ACCEPTED) instanceof Number records) {
            Counter.builder("fg_records_accepted").description("records of information shares accepted")
                    .tag("partner", tag(headers, Headers.PARTNER_ID)).register(registry).increment(records.doubleValue());
        }
        if (headers.get(Headers.RECORDS_REJECTED) instanceof Number records) {
            Counter.builder("fg_records_rejected").description("records of information shares rejected")
                    .tag("partner", tag(headers, Headers.PARTNER_ID)).register(registry).increment(records.doubleValue());
        }
    }

    private Counter counter(String name, String description, Map<String, Object> headers, boolean withReason) {
        Counter.Builder builder = Counter.builder(name).description(description)
                .tag("partner", tag(headers, Headers.PARTNER_ID)).tag("channel", tag(headers, Headers.CHANNEL));
        if (withReason) {
            builder.tag("reason", tag(headers, Headers.REASON_CODE));
        }
        return builder.register(registry);
    }

    private void latency(String name, String description, Map<String, Object> headers, String outcome) {
        Object receivedAt = headers.get(Headers.RECEIVED_AT);
        if (receivedAt == null) {
            return;
        }
        Duration taken = Duration.between(OffsetDateTime.parse(receivedAt.toString()).toInstant(), Instant.now());
        Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS)
                .tag("channel", tag(headers, Headers.CHANNEL)).tag("outcome", outcome)
                .register(registry).record(taken.isNegative() ? Duration.ZERO : taken);
    }

    private static String tag(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null || value.toString().isBlank() ? "unknown" : value.toString();
    }

    /** Everything, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
