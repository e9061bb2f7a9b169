package org.familygateway.validation;

import java.nio.file.Path;
import java.util.List;

import org.familygateway.model.RecordTally;

/**
 * A message that passed: its kind (root element) and the sender's own message id. For a share,
 * also how its records fared, the chunk files holding the accepted ones, and the file of rejected
 * ones (null if none). For a referral or consent update the message goes on as it was received.
 */
public record Submission(String type, String senderMessageId, RecordTally records, List<Path> chunks, Path rejectedRecords) {

    public static final String REFERRAL = "Referral";
    public static final String INFORMATION_SHARE = "InformationShare";
    public static final String CONSENT_UPDATE = "ConsentUpdate";

    public Submission {
        chunks = List.copyOf(chunks);
    }

    static Submission whole(String type, String senderMessageId) {
        return new Submission(type, senderMessageId, null, List.of(), null);
    }

    public boolean isShare() {
        return records != null;
    }
}
