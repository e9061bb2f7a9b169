package org.familygateway.intake;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Headers;
import org.familygateway.model.RecordRejection;
import org.familygateway.model.RecordTally;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.DigestType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.ReasonType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.model.v1.RecordCountsType;
import org.familygateway.model.v1.RejectedRecordType;
import org.familygateway.trust.Digests;
import org.familygateway.trust.ReceiptSigner;
import org.familygateway.validation.MessageXml;
import org.familygateway.validation.Submission;

/**
 * What the gateway tells a partner about a message: the same receipt for both channels, as the
 * SOAP acknowledgement, the detail of a SOAP fault, or a CMS-signed file in SFTP receipts/.
 */
public final class Receipts {

    private final MessageXml xml;
    private final ReceiptSigner signer;
    private final ReceiptArchive archive;
    private final AuditTrail audit;

    public Receipts(MessageXml xml, ReceiptSigner signer, ReceiptArchive archive, AuditTrail audit) {
        this.xml = xml;
        this.signer = signer;
        this.archive = archive;
        this.audit = audit;
    }

    /** Accepted: a share with rejected records is PARTIALLY_ACCEPTED, and lists them. */
    public ReceiptType accepted(Map<String, Object> headers, Submission submission) {
        boolean partly = submission != null && submission.isShare() && submission.records().rejected() > 0;
        ReceiptType receipt = receipt(headers, partly ? OutcomeType.PARTIALLY_ACCEPTED : OutcomeType.ACCEPTED);
        if (submission != null && submission.isShare()) {
            tally(receipt, submission.records());
        }
        return receipt;
    }

    public ReceiptType rejected(Map<String, Object> headers, Rejection rejection) {
        ReceiptType receipt = receipt(headers, retryable(rejection) ? OutcomeType.RETRY_LATER : OutcomeType.REJECTED);
        receipt.getReason().addAll(reasons(rejection.problems()));
        rejection.records().ifPresent(records -> tally(receipt, records));
        return receipt;
    }

    /** The gateway's own failure or its being full: the same message may be sent again later. */
    static boolean retryable(Rejection rejection) {
        return rejection.code() == ReasonCodeType.INTERNAL_ERROR || rejection.code() == ReasonCodeType.GATEWAY_BUSY;
    }

    private static void tally(ReceiptType receipt, RecordTally tally) {
        RecordCountsType counts = new RecordCountsType();
        counts.setReceived(BigInteger.valueOf(tally.received()));
        counts.setAccepted(BigInteger.valueOf(tally.accepted()));
        counts.setRejected(BigInteger.valueOf(tally.rejected()));
        if (tally.notListed() > 0) {
            counts.setRejectedNotListed(BigInteger.valueOf(tally.notListed()));
        }
        receipt.setRecords(counts);
        for (RecordRejection record : tally.listed()) {
            RejectedRecordType rejected = new RejectedRecordType();
            rejected.setPosition(BigInteger.valueOf(record.position()));
            rejected.setRecordId(record.recordId());
            rejected.getReason().addAll(reasons(record.problems()));
            receipt.getRejectedRecord().add(rejected);
        }
    }

    private static List<ReasonType> reasons(List<Rejection> problems) {
        return problems.stream().map(problem -> {
            ReasonType reason = new ReasonType();
            reason.setCode(problem.code());
            reason.setMessage(problem.getMessage());
            reason.setLocation(problem.location().orElse(null));
            return reason;
        }).toList();
    }

    /**
     * Issues the receipt: signs it as CMS SignedData (DER), which a partner checks with openssl cms
     * -verify, and keeps it. Returns the signed bytes.
     */
    public byte[] issue(ReceiptType receipt) {
        byte[] signed = sign(receipt);
        archive.keep(receipt, signed);
        return signed;
    }

    /**
     * Issues the receipt for a SOAP reply, its signed form inside it: kept in the archive and audited
     * RECEIPT_SENT in one transaction (shared with other messages' audit entries), both or neither.
     */
    public ReceiptType sendWithSignature(ReceiptType receipt, Map<String, Object> headers) {
        byte[] signed = sign(receipt);
        audit.record(AuditEventType.RECEIPT_SENT, headers, connection -> {
            archive.keep(connection, receipt, signed);
            return null;
        });
        receipt.setSignedReceipt(signed);
        return receipt;
    }

    private byte[] sign(ReceiptType receipt) {
        return signer.sign(xml.write(MessageXml.ELEMENTS.createReceipt(receipt)));
    }

    private static ReceiptType receipt(Map<String, Object> headers, OutcomeType outcome) {
        ReceiptType receipt = new ReceiptType();
        receipt.setReceiptId(text(headers, Headers.RECEIPT_ID));
        receipt.setMessageId(text(headers, Headers.SENDER_MESSAGE_ID));
        receipt.setFileName(text(headers, Headers.FILE_NAME));
        receipt.setPartnerId(text(headers, Headers.PARTNER_ID));
        receipt.setMessageType(text(headers, Headers.MESSAGE_TYPE));
        receipt.setChannel(ChannelType.fromValue(text(headers, Headers.CHANNEL)));
        receipt.setReceivedAt(OffsetDateTime.parse(text(headers, Headers.RECEIVED_AT)).withOffsetSameInstant(ZoneOffset.UTC));
        DigestType digest = new DigestType();
        digest.setAlgorithm(Digests.ALGORITHM);
        digest.setValue(HexFormat.of().parseHex(text(headers, Headers.PAYLOAD_DIGEST)));
        receipt.setPayloadDigest(digest);
        receipt.setOutcome(outcome);
        return receipt;
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
