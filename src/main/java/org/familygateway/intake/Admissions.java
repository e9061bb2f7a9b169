package org.familygateway.intake;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.familygateway.agreement.AgreementUsage;
import org.familygateway.agreement.Agreements;
import org.familygateway.agreement.ConsentCheck;
import org.familygateway.agreement.ConsentDecision;
import org.familygateway.agreement.Coverage;
import org.familygateway.agreement.SharingPermit;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Headers;
import org.familygateway.model.RecordRejection;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.trust.MessageIds;
import org.familygateway.validation.MessageXml;
import org.familygateway.validation.Submission;
import org.familygateway.validation.SubmissionReader;

/**
 * The admission step shared by both intakes: reads and checks the message, and hands the route what
 * goes on to the broker: the message as received, or a share's accepted records in chunks. A share's
 * rejected records are audited one by one and quarantined together.
 *
 * <p>Every message and record is judged against the data-sharing agreements as they stand when it
 * arrives: a partner with no agreement in force is refused whole, a record of a category its
 * agreement does not cover is rejected as a record, and a referral whose consent does not hold is
 * held, that is rejected (CONSENT_MISSING, CONSENT_INVALID) so that nothing goes on and the receipt
 * says why; the referrer sends it again with valid consent.
 */
public final class Admissions {

    /** The exchange property holding the Submission, for the receipt. */
    public static final String SUBMISSION = "familygateway.submission";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static final String CLAIMED = "familygateway.claimed";
    private static final String PERMIT = "familygateway.permit";
    private static final String CHUNKS = "familygateway.chunks";
    /** Set once ACCEPTED is durable: from then on the message is the family team's, whatever fails after. */
    private static final String ACCEPTED = "familygateway.accepted";

    private final ThreadLocal<SubmissionReader> readers;
    private final WorkFolders work;
    private final AuditTrail audit;
    private final Quarantine quarantine;
    private final MessageIds messageIds;
    private final Supplier<Agreements> agreements;
    private final AgreementUsage usage;
    private final MessageXml xml;
    private final IntakeQueue queue = new IntakeQueue();

    public Admissions(Supplier<SubmissionReader> reader, WorkFolders work, AuditTrail audit, Quarantine quarantine,
                      MessageIds messageIds, Supplier<Agreements> agreements, AgreementUsage usage, MessageXml xml) {
        this.readers = ThreadLocal.withInitial(reader);
        this.work = work;
        this.audit = audit;
        this.quarantine = quarantine;
        this.messageIds = messageIds;
        this.agreements = agreements;
        this.usage = usage;
        this.xml = xml;
    }

    /**
     * Checks the message (a share's chunks going to the broker as they are written, uncommitted); the
     * body stays the message as received.
     */
    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        Submission submission;
        LocalDate receivedOn = OffsetDateTime.parse(in.getHeader(Headers.RECEIVED_AT, String.class)).atZoneSameInstant(UK).toLocalDate();
        SharingPermit permit = new SharingPermit(agreements.get(), partner(in), receivedOn);
        ConsentDecision consent = null;
        // a share's chunks go to the broker as they are written, in a transaction committed by enqueue
        ShareChunks chunks = new ShareChunks(queue, exchange.getContext(), in.getHeaders(), permit);
        exchange.setProperty(CHUNKS, chunks);
        try (InputStream content = content(in.getBody())) {
            submission = readers.get().read(content, partner(in), receivedOn, work.of(exchange), permit, chunks);
            // named from here on, so that a refusal by the agreement or consent checks names it too
            in.setHeader(Headers.SENDER_MESSAGE_ID, submission.senderMessageId());
            if (!submission.isShare()) {
                consent = admitWhole(in, submission, permit, receivedOn);
            }
        } catch (IOException e) {
            chunks.close();
            throw new UncheckedIOException("cannot read the submitted message", e);
        } catch (Rejection rejection) {
            chunks.close();
            // the receipt, the audit entry and the quarantined copy name the partner's own id for it, where it was read
            rejection.senderMessageId().ifPresent(id -> in.setHeader(Headers.SENDER_MESSAGE_ID, id));
            rejection.records().ifPresent(tally -> auditRejectedRecords(in.getHeaders(), tally.listed()));
            throw rejection;
        } catch (RuntimeException e) {
            chunks.close();
            throw e;
        }
        in.setHeader(Headers.MESSAGE_TYPE, submission.type());
        // set here whatever arrived with the message: only the gateway says which agreement and basis apply
        in.setHeader(Headers.AGREEMENT_ID, permit.agreementIds());
        in.setHeader(Headers.LAWFUL_BASIS, consent != null && consent.basis() != null ? consent.basis() : permit.lawfulBases());
        in.removeHeader(Headers.IG_REVIEW);
        if (consent != null && consent.needsIgReview()) {
            in.setHeader(Headers.IG_REVIEW, "true");
        }
        exchange.setProperty(PERMIT, permit);
        exchange.setProperty(SUBMISSION, submission);
        if (submission.isShare()) {
            in.setHeader(Headers.RECORDS_ACCEPTED, submission.records().accepted());
            in.setHeader(Headers.RECORDS_REJECTED, submission.records().rejected());
        }
    }

    /**
     * The message passed its checks: the sender's message id is claimed (the replay guard; REPLAYED
     * if the partner has used it already) and the message audited VALIDATED, in one transaction,
     * both or neither; then a share's rejected records are audited, one entry each.
     */
    public void validated(Exchange exchange) {
        Message in = exchange.getIn();
        String partner = partner(in);
        String messageId = in.getHeader(Headers.SENDER_MESSAGE_ID, String.class);
        String receiptId = receiptId(in);
        audit.record(AuditEventType.VALIDATED, in.getHeaders(), connection -> {
            messageIds.claim(connection, partner, messageId, receiptId);
            return null;
        });
        exchange.setProperty(CLAIMED, Boolean.TRUE);
        Submission submission = exchange.getProperty(SUBMISSION, Submission.class);
        if (submission.isShare()) {
            auditRejectedRecords(in.getHeaders(), submission.records().listed());
        }
    }

    /**
     * Makes the message durable on gateway.intake, all of it when this returns: a share's chunks,
     * already sent while it was read, are committed (ShareChunks); a referral or consent update is put
     * on now (IntakeQueue).
     */
    public void enqueue(Exchange exchange) {
        Submission submission = exchange.getProperty(SUBMISSION, Submission.class);
        if (submission.isShare()) {
            try (ShareChunks chunks = exchange.getProperty(CHUNKS, ShareChunks.class)) {
                chunks.commit();
            }
        } else {
            queue.put(exchange, exchange.getIn().getBody());
        }
    }

    /**
     * A referral or consent update: the agreement must cover its category, and a referral's consent
     * must hold (or an accepted lawful basis be named instead, which flags it for IG review). Returns
     * the referral's consent decision; null for a consent update.
     */
    private ConsentDecision admitWhole(Message in, Submission submission, SharingPermit permit, LocalDate receivedOn) throws IOException {
        Coverage coverage = permit.message(submission.type());
        if (!Submission.REFERRAL.equals(submission.type())) {
            return null;
        }
        ConsentDecision decision = ConsentCheck.check(xml.read(bytes(in.getBody()), ReferralType.class), coverage.agreement(), receivedOn);
        decision.rejection().ifPresent(held -> {
            throw held;
        });
        return decision;
    }

    /**
     * The message is durable on the broker: audited ACCEPTED, in one transaction with its id's claim
     * kept (the replay guard) and what it shared put in the usage report, so that all three commit
     * or none does; then a referral on a lawful basis other than consent is audited as flagged for
     * IG review.
     */
    public void accepted(Exchange exchange) {
        Message in = exchange.getIn();
        String partner = partner(in);
        String receiptId = receiptId(in);
        String messageId = in.getHeader(Headers.SENDER_MESSAGE_ID, String.class);
        SharingPermit permit = exchange.getProperty(PERMIT, SharingPermit.class);
        audit.record(AuditEventType.ACCEPTED, in.getHeaders(), connection -> {
            messageIds.accepted(connection, partner, messageId, receiptId);
            if (permit != null) {
                usage.record(connection, receiptId, partner, permit.used());
            }
            return null;
        });
        exchange.setProperty(ACCEPTED, Boolean.TRUE);
        if ("true".equals(in.getHeader(Headers.IG_REVIEW, String.class))) {
            audit.record(AuditEventType.FLAGGED_FOR_IG_REVIEW, in.getHeaders());
        }
    }

    /** Whether the message is accepted (ACCEPTED durable): from then on it is the family team's, whatever fails after. */
    public static boolean isAccepted(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(ACCEPTED));
    }

    /** The message failed after its id was claimed: the partner may send it again under the same id. */
    public void releaseClaim(Exchange exchange) {
        ShareChunks chunks = exchange.getProperty(CHUNKS, ShareChunks.class);
        if (chunks != null) {
            chunks.close();
        }
        if (Boolean.TRUE.equals(exchange.getProperty(CLAIMED))) {
            Message in = exchange.getIn();
            messageIds.release(partner(in), in.getHeader(Headers.SENDER_MESSAGE_ID, String.class), receiptId(in));
        }
    }

    private static String partner(Message in) {
        return in.getHeader(Headers.PARTNER_ID, String.class);
    }

    private static String receiptId(Message in) {
        return in.getHeader(Headers.RECEIPT_ID, String.class);
    }

    /** Keeps a share's rejected records, as read, in quarantine with the count. */
    public void quarantineRejectedRecords(Exchange exchange) {
        Submission submission = exchange.getProperty(SUBMISSION, Submission.class);
        if (submission == null || submission.rejectedRecords() == null) {
            return;
        }
        Map<String, Object> headers = new java.util.HashMap<>(exchange.getIn().getHeaders());
        RecordRejection first = submission.records().listed().get(0);
        headers.put(Headers.REASON_CODE, first.problems().get(0).code().value());
        headers.put(Headers.REASON_MESSAGE, submission.records().rejected() + " of " + submission.records().received()
                + " records rejected; the first, record " + first.position() + ": " + first.problems().get(0).getMessage());
        try {
            quarantine.keep(Files.readAllBytes(submission.rejectedRecords()), headers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rejected records", e);
        }
    }

    /** Removes this delivery's work folder, whatever the outcome. */
    public void cleanUp(Exchange exchange) {
        work.remove(exchange);
    }

    private void auditRejectedRecords(Map<String, Object> headers, List<RecordRejection> rejected) {
        AuditEntry summary = AuditEntry.fromHeaders(AuditEventType.REJECTED, headers);
        List<AuditEntry> entries = new ArrayList<>(rejected.size());
        for (RecordRejection record : rejected) {
            Rejection reason = record.problems().get(0);
            String detail = "record " + record.position() + (record.recordId() == null ? "" : " (id " + record.recordId() + ")")
                    + ": " + reason.getMessage() + reason.location().map(l -> " (at " + l + ")").orElse("");
            entries.add(new AuditEntry(AuditEventType.REJECTED, summary.receiptId(), summary.partnerId(), summary.channel(),
                    summary.senderMessageId(), null, reason.code().value(), detail, summary.payloadDigest()));
        }
        audit.append(entries);
    }

    private static InputStream content(Object body) throws IOException {
        if (body instanceof byte[] bytes) {
            return new ByteArrayInputStream(bytes);
        }
        if (body instanceof File file) {
            return Files.newInputStream(file.toPath());
        }
        if (body instanceof Path path) {
            return Files.newInputStream(path);
        }
        throw new IllegalArgumentException("cannot read a message from a " + (body == null ? "null" : body.getClass().getName()));
    }

    private static byte[] bytes(Object body) throws IOException {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try (InputStream in = content(body)) {
            return in.readAllBytes();
        }
    }
}
