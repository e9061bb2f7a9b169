package org.familygateway.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.familygateway.model.v1.AddressType;
import org.familygateway.model.v1.PersonIdentifiersType;
import org.familygateway.model.v1.SubjectType;

/**
 * What a shared record says about its subject, as an agency record. A subject with a name is a
 * record the matcher can link (or make a new person of); a subject named only by an identifier
 * (an agency's second record about someone it already described) can only be looked up.
 */
public final class SubjectRecords {

    private SubjectRecords() {
    }

    /** The subject as a record to match, when the agency named them; empty when it gave identifiers only. */
    public static Optional<AgencyRecord> named(String partnerId, SubjectType subject, LocalDate effectiveFrom) {
        if (subject.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(record(partnerId, subject, subject.getName().getForename(), subject.getName().getMiddleNames(),
                subject.getName().getSurname(), effectiveFrom));
    }

    /** The subject's identifiers alone, for looking them up (names left empty: never stored). */
    public static AgencyRecord identifiers(String partnerId, SubjectType subject, LocalDate effectiveFrom) {
        return record(partnerId, subject, "", null, "", effectiveFrom);
    }

    private static AgencyRecord record(String partnerId, SubjectType subject, String forename, String middleNames, String surname,
            LocalDate effectiveFrom) {
        PersonIdentifiersType ids = subject.getIdentifiers();
        AgencyRecord.LocalId localId = ids == null || ids.getLocalId().isEmpty() ? null
                : new AgencyRecord.LocalId(ids.getLocalId().get(0).getSystem(), ids.getLocalId().get(0).getValue());
        AddressType address = subject.getAddress();
        return new AgencyRecord(partnerId, localId, forename, middleNames, surname, subject.getDateOfBirth(),
                subject.getGender() == null ? null : AgencyRecord.Gender.valueOf(subject.getGender().name()),
                ids == null ? null : ids.getUPN(), ids == null ? null : ids.getNINumber(), ids == null ? null : ids.getNHSNumber(),
                address == null ? List.of() : address.getLine(), address == null ? null : address.getPostcode(),
                address == null ? null : address.getUPRN(), effectiveFrom, null);
    }
}
