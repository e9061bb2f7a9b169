package org.familygateway.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.familygateway.model.GroupCommit;
import org.familygateway.model.Transactions;

/**
 * Entries of steps that need no commit of their own, each waiting by its delivery's receipt id for
 * that delivery's next entry, to be appended just before it in the same transaction. A SOAP request
 * is RECEIVED and SIGNATURE_VERIFIED on the way to VALIDATED (or REJECTED) a few milliseconds later:
 * written alone, each cost a commit of the log (two of a SOAP message's five in intake), though
 * neither changes what the gateway has promised anybody. Written with the next step they are just as
 * complete in the log, in the same order; only a crash in those milliseconds loses them, and then the
 * partner got no answer and the gateway kept nothing of the message either.
 *
 * <p>A delivery's waiting entries are taken, and the item carrying them queued on the log's group
 * commit, under one lock (striped by receipt id), so that the timed {@link #flush} and the
 * delivery's own next entry cannot overtake each other. An entry whose next step has not come after
 * a while (a delivery slowed for seconds, as the first after a start are, or one that ended without
 * another entry) is written on its own by the flush, in its place in the delivery's order; none is left.
 */
final class DeferredEntries {

    /** An entry waiting, the headers of its step (null when it came without: observers are told only of those), and since when (nanoTime). */
    private record Waiting(AuditEntry entry, Map<String, Object> headers, long since) {
    }

    private final Map<String, List<Waiting>> byReceipt = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[64];
    private final GroupCommit<AuditBatch.Item, AuditEvent> log;
    private final BiConsumer<AuditEventType, Map<String, Object>> observers;

    /**
     * @param log       the audit log's group commit, which writes the entries
     * @param observers told of each written entry that came with headers, once it has committed
     */
    DeferredEntries(GroupCommit<AuditBatch.Item, AuditEvent> log, BiConsumer<AuditEventType, Map<String, Object>> observers) {
        this.log = log;
        this.observers = observers;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** Adds an entry to wait for its delivery's next one; the headers (may be null) are kept as they are now. */
    void add(AuditEntry entry, Map<String, Object> headers) {
        if (entry.receiptId() == null) {
            throw new IllegalArgumentException("only a delivery's step (with a receipt id) can wait for the next one, not " + entry.type());
        }
        Waiting waiting = new Waiting(entry, headers == null ? null : copyOf(headers), System.nanoTime());
        // lists are replaced, never changed, so that the flush may read them while entries are added
        byReceipt.compute(entry.receiptId(), (id, before) -> {
            List<Waiting> list = before == null ? new ArrayList<>(2) : new ArrayList<>(before);
            list.add(waiting);
            return List.copyOf(list);
        });
    }

    /**
     * Appends the entry (with its rows, if any, in the same transaction) after its delivery's
     * waiting entries, all committed before this returns. If that fails, the waiting entries wait on
     * for the delivery's next entry (its REJECTED, say).
     */
    AuditEvent appendAfter(AuditEntry entry, Transactions.Work<?> rows) {
        List<Waiting> before;
        GroupCommit.Queued<AuditEvent> queued;
        synchronized (lockFor(entry.receiptId())) {
            before = take(entry.receiptId());
            queued = log.queue(new AuditBatch.Item(entries(before), entry, rows));
        }
        AuditEvent event;
        try {
            event = queued.result();
        } catch (RuntimeException | Error e) {
            putBack(entry.receiptId(), before);
            throw e;
        }
        tell(before);
        return event;
    }

    /** Writes the entries that have waited longer than given, each delivery's in a transaction of its own; returns how many. */
    int flush(Duration waitedLongerThan) {
        long cutoff = System.nanoTime() - waitedLongerThan.toNanos();
        int written = 0;
        for (Map.Entry<String, List<Waiting>> waiting : byReceipt.entrySet()) {
            if (waiting.getValue().isEmpty() || waiting.getValue().get(0).since() - cutoff > 0) {
                continue;
            }
            String receiptId = waiting.getKey();
            List<Waiting> taken;
            GroupCommit.Queued<AuditEvent> queued;
            synchronized (lockFor(receiptId)) {
                taken = take(receiptId);
                if (taken.isEmpty()) {
                    continue;   // the delivery's next entry took them meanwhile
                }
                List<AuditEntry> entries = entries(taken);
                queued = log.queue(new AuditBatch.Item(entries.subList(0, entries.size() - 1), entries.get(entries.size() - 1), null));
            }
            try {
                queued.result();
            } catch (RuntimeException e) {
                putBack(receiptId, taken);
                throw e;
            }
            tell(taken);
            written += taken.size();
        }
        return written;
    }

    int size() {
        return byReceipt.values().stream().mapToInt(List::size).sum();
    }

    private Object lockFor(String receiptId) {
        return stripes[Math.floorMod(receiptId == null ? 0 : receiptId.hashCode(), stripes.length)];
    }

    private List<Waiting> take(String receiptId) {
        if (receiptId == null) {
            return List.of();
        }
        List<Waiting> waiting = byReceipt.remove(receiptId);
        return waiting == null ? List.of() : waiting;
    }

    /** Entries taken for an item that failed go back before any added since. */
    private void putBack(String receiptId, List<Waiting> taken) {
        if (taken.isEmpty()) {
            return;
        }
        byReceipt.compute(receiptId, (id, since) -> {
            List<Waiting> list = new ArrayList<>(taken);
            if (since != null) {
                list.addAll(since);
            }
            return List.copyOf(list);
        });
    }

    private void tell(List<Waiting> written) {
        for (Waiting waiting : written) {
            if (waiting.headers() != null) {
                observers.accept(waiting.entry().type(), waiting.headers());
            }
        }
    }

    private static List<AuditEntry> entries(List<Waiting> waiting) {
        return waiting.stream().map(Waiting::entry).toList();
    }

    /** The headers as they are now (a route's go on changing), without the null values a copy cannot hold. */
    private static Map<String, Object> copyOf(Map<String, Object> headers) {
        Map<String, Object> copy = new HashMap<>();
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.put(name, value);
            }
        });
        return Map.copyOf(copy);
    }
}
