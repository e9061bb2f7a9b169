package org.familygateway.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.apache.camel.Exchange;
import org.familygateway.model.Headers;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.validation.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a CMS-signed receipt in the partner's {@code receipts/} for every uploaded file, named after
 * it ({@code <file>.receipt.p7m}); an existing receipt is never overwritten (the receipt id is added
 * to the name instead). Written to a temporary name first, so a partner never reads half a receipt.
 */
public final class SftpReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(SftpReceipts.class);

    private final Receipts receipts;
    private final SftpFolders folders;

    public SftpReceipts(Receipts receipts, SftpFolders folders) {
        this.receipts = receipts;
        this.folders = folders;
    }

    public void accepted(Exchange exchange) {
        write(exchange.getIn().getHeaders(), receipts.accepted(exchange.getIn().getHeaders(),
                exchange.getProperty(Admissions.SUBMISSION, Submission.class)));
    }

    public void rejected(Exchange exchange) {
        Rejection rejection = Rejections.from(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        write(exchange.getIn().getHeaders(), receipts.rejected(exchange.getIn().getHeaders(), rejection));
    }

    private void write(Map<String, Object> headers, ReceiptType receipt) {
        String partnerId = headers.get(Headers.PARTNER_ID).toString();
        Path folder = folders.receipts(partnerId);
        String fileName = receipt.getFileName();
        Path target = folder.resolve(fileName + ".receipt.p7m");
        if (Files.exists(target)) {
            target = folder.resolve(fileName + "." + receipt.getReceiptId() + ".receipt.p7m");
        }
        try {
            // staged outside the partner's view: a client listing receipts/ must never see a name vanish
            Path staging = folders.root().resolve("receipts-in-progress");
            Files.createDirectories(staging);
            Path temporary = staging.resolve(receipt.getReceiptId() + ".p7m");
            Files.write(temporary, receipts.issue(receipt));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt for " + receipt.getReceiptId(), e);
        }
        LOG.info("receipt written: partner={} receipt={} outcome={}", partnerId, receipt.getReceiptId(), receipt.getOutcome());
    }
}
