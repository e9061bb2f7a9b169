package org.familygateway.matching.synthetic;

import org.familygateway.matching.AgencyRecord;

/** An agency record and the person it truly is about. */
public record LabelledRecord(AgencyRecord record, int truthId) {
}
