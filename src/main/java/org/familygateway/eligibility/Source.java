package org.familygateway.eligibility;

import java.util.Objects;

import org.familygateway.model.v1.AgencyKindType;

/**
 * Where a fact came from: the partner, its kind of agency, the message and the record in it. The
 * family team sees this next to every indicator, so that each piece of evidence can be traced back.
 *
 * @param recordId the sender's stable id for the record; absent for what a referral says
 */
public record Source(String partnerId, AgencyKindType agency, String messageId, String recordId) {

    public Source {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** Identifies a record across messages, so a correction replaces it and a withdrawal removes it. */
    String recordKey() {
        return recordId == null ? null : partnerId + "/" + recordId;
    }

    String describe() {
        return partnerId + " (" + agency.value().toLowerCase().replace('_', ' ') + "), message " + messageId
                + (recordId == null ? "" : ", record " + recordId);
    }
}
