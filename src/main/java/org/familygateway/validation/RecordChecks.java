package org.familygateway.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.familygateway.model.Rejection;
import org.xml.sax.SAXException;

/**
 * Checks the records of one share on the machine's cores while the reader goes on reading: the
 * reader hands over each record in batches, as its copy (RecordCopier) and the events the copy was
 * written from (RecordEvents); a pool thread passes the events through the schema validator and the
 * checks beyond it (each pool thread with a DocumentCheck of its own), and the reader takes the
 * verdicts back in the order it read the records. At most a few batches are out at once, so memory
 * stays bounded whatever the file's size. What is checked is what the copy that goes on was written
 * from, and problems are placed where their events were in the file. Not thread-safe: one per share,
 * used by the thread that reads it.
 */
final class RecordChecks {

    /** Records per batch: large enough that handing over costs little, small enough to keep both cores busy. */
    static final int BATCH = 200;

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Batches out at once for one share: enough to keep every pool thread busy while the reader waits for the oldest. */
    private static final int IN_FLIGHT = 2 * THREADS + 1;
    private static final ExecutorService POOL = pool();
    private static final ThreadLocal<DocumentCheck> CHECKERS = ThreadLocal.withInitial(() -> new DocumentCheck(ContractSchema.schema()));

    /**
     * One record as read: its position among the records, what the sharing rules need of it, its
     * copy, the events the copy was written from, and the prefixes in scope at its start.
     */
    record Read(long position, String id, String element, Map<String, String> fields, String copy, RecordEvents events,
                Map<String, String> namespaces) {
    }

    /** A record and what its checks found (nothing when it passed). */
    record Checked(Read record, List<Rejection> problems) {
    }

    private final CheckContext context;
    private final Deque<Future<List<Checked>>> inFlight = new ArrayDeque<>();
    private List<Read> batch = new ArrayList<>(BATCH);

    /** @param context the share's context once its header is read (each batch checks under a copy of it) */
    RecordChecks(CheckContext context) {
        this.context = context;
    }

    /**
     * Adds a record; returns the records whose checks have finished, in the order they were read,
     * if the reader must wait for them (otherwise none).
     */
    List<Checked> add(Read record) throws SAXException {
        batch.add(record);
        if (batch.size() < BATCH) {
            return List.of();
        }
        send();
        return inFlight.size() < IN_FLIGHT ? List.of() : oldest();
    }

    /** Sends what is left and returns every record not yet returned, in the order read. */
    List<Checked> finish() throws SAXException {
        send();
        List<Checked> rest = new ArrayList<>();
        while (!inFlight.isEmpty()) {
            rest.addAll(oldest());
        }
        return rest;
    }

    /** Stops waiting for batches still out (the share was refused as a whole): their verdicts are dropped. */
    void abandon() {
        inFlight.forEach(f -> f.cancel(false));
        inFlight.clear();
    }

    private void send() {
        if (batch.isEmpty()) {
            return;
        }
        List<Read> records = batch;
        CheckContext batchContext = context.copy();
        inFlight.addLast(POOL.submit(() -> check(records, batchContext)));
        batch = new ArrayList<>(BATCH);
    }

    private List<Checked> oldest() throws SAXException {
        Future<List<Checked>> next = inFlight.removeFirst();
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the records of a share were checked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SAXException sax) {
                throw sax;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("checking the records of a share failed", e.getCause());
        }
    }

    private static List<Checked> check(List<Read> records, CheckContext context) throws SAXException {
        DocumentCheck check = CHECKERS.get();
        List<Checked> checked = new ArrayList<>(records.size());
        for (Read record : records) {
            checked.add(new Checked(record, check(check, record, context)));
        }
        return checked;
    }

    private static List<Rejection> check(DocumentCheck check, Read record, CheckContext context) throws SAXException {
        return check.check(record.events(), context, record.namespaces());
    }

    private static ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "share-record-checks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
