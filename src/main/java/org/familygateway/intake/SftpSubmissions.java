package org.familygateway.intake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Headers;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.trust.CmsVerifier;
import org.familygateway.trust.Digests;
import org.familygateway.trust.Partner;
import org.familygateway.trust.PartnerDirectory;

/**
 * The SFTP route's edges: reads a completed upload from {@code arrivals/<partner>/<receipt>__<name>},
 * and verifies its CMS signature against the partner that uploaded it.
 */
public final class SftpSubmissions {

    private final PartnerDirectory partners;
    private final CmsVerifier verifier;
    private final long maxContentBytes;
    private final WorkFolders workFolders;
    private final AuditTrail audit;

    public SftpSubmissions(PartnerDirectory partners, CmsVerifier verifier, long maxContentBytes, WorkFolders workFolders, AuditTrail audit) {
        this.partners = partners;
        this.verifier = verifier;
        this.maxContentBytes = maxContentBytes;
        this.workFolders = workFolders;
        this.audit = audit;
    }

    /** Headers from the arrival: who uploaded it, its receipt id, when it arrived, its digest. */
    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        Path file = arrival(exchange);
        String stored = file.getFileName().toString();
        int separator = stored.indexOf(UploadCompletion.SEPARATOR);
        in.setHeader(Headers.CHANNEL, ChannelType.SFTP.value());
        in.setHeader(Headers.PARTNER_ID, file.getParent().getFileName().toString());
        String receiptId = stored.substring(0, separator);
        int overCap = receiptId.indexOf(UploadCompletion.OVER_CAP);
        if (overCap > 0) {
            in.setHeader(Headers.UPLOAD_CAP_EXCEEDED, Long.parseLong(receiptId.substring(overCap + UploadCompletion.OVER_CAP.length())));
            receiptId = receiptId.substring(0, overCap);
        }
        in.setHeader(Headers.RECEIPT_ID, receiptId);
        in.setHeader(Headers.FILE_NAME, stored.substring(separator + UploadCompletion.SEPARATOR.length()));
        try {
            in.setHeader(Headers.RECEIVED_AT, Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toString());
            in.setHeader(Headers.PAYLOAD_DIGEST, digest(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the arrival " + stored, e);
        }
    }

    /**
     * Audits RECEIVED. An arrival stays in arrivals/ until it is answered, so one whose earlier try
     * did not finish (a step failed, or the gateway stopped) is taken again under the same receipt
     * and its steps are audited again; its RECEIVED entry then says so, and how far the earlier try
     * got, so that IG reading the receipt's steps sees why they come twice. If that try was
     * accepted, the arrival carries ACCEPTED_BEFORE, so the metrics do not count it again.
     */
    public void received(Exchange exchange) {
        Map<String, Object> headers = exchange.getIn().getHeaders();
        List<AuditEvent> earlier = audit.forReceipt(exchange.getIn().getHeader(Headers.RECEIPT_ID, String.class));
        if (earlier.isEmpty()) {
            audit.record(AuditEventType.RECEIVED, headers);
            return;
        }
        boolean accepted = earlier.stream().anyMatch(e -> e.type() == AuditEventType.ACCEPTED);
        if (accepted) {
            exchange.getIn().setHeader(Headers.ACCEPTED_BEFORE, "true");
        }
        Map<String, Object> noted = new HashMap<>(headers);
        noted.put(Headers.REASON_MESSAGE, "taken up again: an earlier try of this arrival got as far as "
                + earlier.get(earlier.size() - 1).type() + " and did not finish (a step failed, or the gateway stopped); its steps are "
                + "done again under this receipt" + (accepted ? ", and the message, accepted then, still goes to the family team once" : ""));
        audit.record(AuditEventType.RECEIVED, noted);
    }

    /**
     * The body becomes the signed content, streamed to {@code content.xml} in the delivery's work
     * folder (a bulk file is never held in memory); throws a Rejection naming the reason otherwise.
     */
    public void verify(Exchange exchange) {
        Path work = workFolders.of(exchange);
        String partnerId = exchange.getIn().getHeader(Headers.PARTNER_ID, String.class);
        Long cap = exchange.getIn().getHeader(Headers.UPLOAD_CAP_EXCEEDED, Long.class);
        if (cap != null) {
            throw new Rejection(ReasonCodeType.MESSAGE_TOO_LARGE, "the upload was larger than the limit of " + cap
                    + " bytes for this partner; it was refused at that point and not processed");
        }
        Partner uploader = partners.byId(partnerId).orElseThrow(() -> new Rejection(ReasonCodeType.SIGNER_NOT_A_PARTNER,
                "the SFTP account '" + partnerId + "' is no longer a configured partner"));
        Path content = work.resolve("content.xml");
        try {
            Files.createDirectories(work);
            try (InputStream in = Files.newInputStream(arrival(exchange));
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(content), 64 * 1024)) {
                verifier.verify(in, uploader, out, maxContentBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the arrival", e);
        }
        exchange.getIn().setBody(content);
    }

    /**
     * Before refusing an arrival: one already accepted (durable, audited ACCEPTED, going to the
     * family team) is never refused because a later step failed (its receipt could not be written):
     * the refusal would contradict the audit log and quarantine a message that is being processed.
     * This throws instead, so the arrival stays and its next try writes the ACCEPTED receipt (the
     * broker drops the message sent again; its claim and usage are its own).
     */
    public void refuseOnlyIfNotAccepted(Exchange exchange) {
        if (Admissions.isAccepted(exchange)) {
            Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            throw new IllegalStateException("receipt " + exchange.getIn().getHeader(Headers.RECEIPT_ID, String.class)
                    + " was accepted, but what followed failed (" + (failure == null ? "unknown" : failure.getClass().getSimpleName())
                    + "); it is not refused, and its receipt is written at the next try", failure);
        }
    }

    /**
     * The body becomes the file exactly as uploaded, for quarantine: the file itself, which the
     * quarantine streams to the broker (an upload may be larger than the heap).
     */
    public void asReceived(Exchange exchange) {
        exchange.getIn().setBody(arrival(exchange).toFile());
    }

    private static Path arrival(Exchange exchange) {
        return Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
    }

    private static String digest(Path file) throws IOException {
        MessageDigest digest = Digests.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Digests.hex(digest);
    }
}
