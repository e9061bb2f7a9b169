package org.familygateway.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Work that each caller needs done in a transaction of its own, done together: concurrent callers
 * queue their items, and whichever of them next holds the lock does every queued item in one
 * transaction (one commit) and hands each caller its own result. A caller returns only once its
 * item has committed, exactly as if it had been done alone; a lone caller goes at once (no waiting
 * for company). This is group commit: under load a transaction's fixed costs (a lock, a commit
 * written to disk) are paid once per batch instead of once per item.
 *
 * <p>If a batch fails, its items are done again one by one, each in a transaction of its own, so a
 * bad item fails only its own caller, with its own error. Batches are done one at a time, in the
 * order their items were queued.
 *
 * @param <T> an item of work
 * @param <R> what doing it returns
 */
public final class GroupCommit<T, R> {

    /** Does every item in one transaction, in order, returning one result per item; throws (the transaction undone) if any fails. */
    @FunctionalInterface
    public interface Batch<T, R> {
        List<R> inOneTransaction(List<T> items);
    }

    /**
     * What a group commit has done since it was made: transactions run, items taken into them, and
     * nanoseconds spent in them. Busy time growing nearly as fast as the clock means the work is done
     * back to back: whatever waits on it waits for the one transaction at a time it allows.
     */
    public record Activity(long transactions, long items, long busyNanos) {
    }

    private final int maxBatch;
    private final Batch<T, R> batch;
    private final LongAdder transactions = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();
    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock doing = new ReentrantLock();

    public GroupCommit(int maxBatch, Batch<T, R> batch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one item, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.batch = batch;
    }

    /** Does the item, with whatever else is queued, and returns its result once it has committed. */
    public R submit(T item) {
        return queue(item).result();
    }

    /**
     * Queues the item and returns at once; {@link Queued#result()} then does it (with whatever else is
     * queued) and returns its result once it has committed. Items are done in the order they were
     * queued, so a caller that must keep two items in order queues the first before the second.
     */
    public Queued<R> queue(T item) {
        Pending<T, R> mine = new Pending<>(item);
        queue.add(mine);
        return () -> resultOf(mine);
    }

    /** An item queued, whose result is awaited (and the work done, if no other caller does it first) by {@link #result()}. */
    @FunctionalInterface
    public interface Queued<R> {
        R result();
    }

    private R resultOf(Pending<T, R> mine) {
        while (!mine.result.isDone()) {
            doing.lock();
            try {
                if (!mine.result.isDone()) {
                    doQueued();
                }
            } finally {
                doing.unlock();
            }
        }
        try {
            return mine.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a transaction to commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void doQueued() {
        List<Pending<T, R>> taken = new ArrayList<>();
        for (Pending<T, R> p = queue.poll(); p != null; p = taken.size() < maxBatch ? queue.poll() : null) {
            taken.add(p);
        }
        if (taken.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            doTaken(taken);
        } finally {
            busyNanos.add(System.nanoTime() - started);
        }
    }

    /** What this group commit has done so far. */
    public Activity activity() {
        return new Activity(transactions.sum(), items.sum(), busyNanos.sum());
    }

    private List<R> inOneTransaction(List<T> taken) {
        transactions.increment();
        items.add(taken.size());
        return batch.inOneTransaction(taken);
    }

    private void doTaken(List<Pending<T, R>> taken) {
        try {
            List<R> results = inOneTransaction(taken.stream().map(p -> p.item).toList());
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).result.complete(results.get(i));
            }
        } catch (RuntimeException | Error whole) {
            if (taken.size() == 1) {
                taken.get(0).result.completeExceptionally(whole);
                return;
            }
            for (Pending<T, R> p : taken) {
                try {
                    p.result.complete(inOneTransaction(List.of(p.item)).get(0));
                } catch (RuntimeException | Error alone) {
                    p.result.completeExceptionally(alone);
                }
            }
        }
    }

    private static final class Pending<T, R> {
        final T item;
        final CompletableFuture<R> result = new CompletableFuture<>();

        Pending(T item) {
            this.item = item;
        }
    }
}
