package org.familygateway.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.familygateway.agreement.SharingPermit;
import org.familygateway.model.Headers;
import org.familygateway.validation.ChunkSink;
import org.familygateway.validation.Submission;

/**
 * A share's chunks on their way to gateway.intake while the rest of the share is still being read.
 * Each chunk is sent as soon as it is written, on a thread of its own so that reading never waits
 * for the broker, and all of them in one broker transaction (IntakeQueue.Delivery): nothing is
 * visible to the household step until {@link #commit()}, which admission calls only once the share
 * has been judged and its message id claimed. A share refused at its end (a record count that does
 * not match, a replayed message id) or any failure closes this without a commit, and the broker
 * drops what was sent.
 *
 * <p>Each chunk carries what the household step and its audit entries need: the message type and id,
 * and the agreements and lawful bases its own records were shared under (SharingPermit), which for a
 * chunk are known when it is written. The share's totals are in its receipt and ACCEPTED entry.
 */
final class ShareChunks implements ChunkSink, AutoCloseable {

    private final IntakeQueue queue;
    private final CamelContext context;
    private final Map<String, Object> arrived;
    private Map<String, Object> headers;
    private final SharingPermit permit;
    private ExecutorService sender;
    private IntakeQueue.Delivery delivery;
    private volatile RuntimeException failure;
    private boolean closed;

    /**
     * @param arrived the message's headers, read at the first chunk (while the share is read they are
     *                still those it arrived with) and copied then: a referral never pays for the copy
     */
    ShareChunks(IntakeQueue queue, CamelContext context, Map<String, Object> arrived, SharingPermit permit) {
        this.queue = queue;
        this.context = context;
        this.arrived = arrived;
        this.permit = permit;
    }

    /** Sends the chunk (on the sender thread); called by the reader as each chunk is written. */
    @Override
    public void written(Chunk chunk) {
        if (sender == null) {
            headers = new HashMap<>(arrived);
            // only the gateway says these; the chunks carry what it says
            headers.remove(Headers.IG_REVIEW);
            headers.remove(Headers.RECORDS_ACCEPTED);
            headers.remove(Headers.RECORDS_REJECTED);
            sender = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "share-chunks-" + headers.get(Headers.RECEIPT_ID));
                thread.setDaemon(true);
                return thread;
            });
            delivery = queue.open(context);
        }
        Map<String, Object> carried = new HashMap<>(headers);
        carried.put(Headers.MESSAGE_TYPE, Submission.INFORMATION_SHARE);
        carried.put(Headers.SENDER_MESSAGE_ID, chunk.messageId());
        carried.put(Headers.AGREEMENT_ID, permit.agreementIdsOf(chunk.recordKinds()));
        carried.put(Headers.LAWFUL_BASIS, permit.lawfulBasesOf(chunk.recordKinds()));
        IntakeQueue.Part part = new IntakeQueue.Part(carried, chunk.file(), chunk.index());
        sender.submit(() -> {
            if (failure == null) {
                try {
                    delivery.send(part);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        });
    }

    /** Waits for the chunks still being sent and makes them all durable; throws what any send met. */
    void commit() {
        if (sender == null) {
            return;
        }
        onSender(() -> {
            if (failure != null) {
                throw failure;
            }
            delivery.commit();
        });
    }

    /** Takes back whatever was not committed and stops the sender; nothing once closed. */
    @Override
    public void close() {
        if (closed || sender == null) {
            closed = true;
            return;
        }
        closed = true;
        try {
            onSender(delivery::close);
        } finally {
            sender.shutdown();
        }
    }

    private void onSender(Runnable work) {
        Future<?> done = sender.submit(work);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the chunks of a share were put on gateway.intake", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot put the chunks of a share on gateway.intake", e.getCause());
        }
    }
}
