package org.familygateway.agreement;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.DataCategoryType;

/** A case with what its recipient may not receive taken out, and the categories that were taken out. */
public record Minimised(CaseType minimised, Set<DataCategoryType> removed) {

    public Minimised {
        removed = Set.copyOf(removed);
    }

    /** For the MINIMISED audit entry: the categories removed, never their values. */
    public String auditDetail() {
        return removed.isEmpty() ? "nothing removed" : "removed categories: "
                + removed.stream().map(DataCategoryType::value).sorted().collect(Collectors.joining(", "));
    }

    /** The MINIMISED audit entry for the case's message (headers as it carries them), detail: {@link #auditDetail()}. */
    public AuditEntry auditEntry(Map<String, Object> headers) {
        AuditEntry e = AuditEntry.fromHeaders(AuditEventType.MINIMISED, headers);
        return new AuditEntry(e.type(), e.receiptId(), e.partnerId(), e.channel(), e.senderMessageId(), e.caseId(), null, auditDetail(),
                e.payloadDigest(), e.agreementId(), e.lawfulBasis(), e.outcome(), e.recipient(), e.actor(), e.subjects());
    }
}
