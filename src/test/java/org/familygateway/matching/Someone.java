package org.familygateway.matching;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.matching.AgencyRecord.Gender;
import org.familygateway.matching.AgencyRecord.LocalId;

/** Test data: an agency record built up in sentences, each step giving a new record. */
record Someone(AgencyRecord record) {

    static Someone named(String forename, String surname) {
        return new Someone(new AgencyRecord("example-school", null, forename, null, surname, LocalDate.of(2010, 5, 17), Gender.FEMALE,
                null, null, null, List.of("12 Example Road"), "NR1 2AB", null, LocalDate.of(2024, 1, 1), null));
    }

    Someone from(String partner) {
        AgencyRecord r = record;
        return of(new AgencyRecord(partner, r.localId(), r.forename(), r.middleNames(), r.surname(), r.dateOfBirth(), r.gender(),
                r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(), r.declaredHousehold()));
    }

    Someone called(String forename, String surname) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), forename, r.middleNames(), surname, r.dateOfBirth(), r.gender(),
                r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(), r.declaredHousehold()));
    }

    Someone middle(String middleNames) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), r.forename(), middleNames, r.surname(), r.dateOfBirth(), r.gender(),
                r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(), r.declaredHousehold()));
    }

    Someone born(String date) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), r.forename(), r.middleNames(), r.surname(), LocalDate.parse(date),
                r.gender(), r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(),
                r.declaredHousehold()));
    }

    Someone gender(Gender gender) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), r.forename(), r.middleNames(), r.surname(), r.dateOfBirth(), gender,
                r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(), r.declaredHousehold()));
    }

    Someone livingAt(String line, String postcode) {
        return at(line, postcode, null);
    }

    Someone at(String line, String postcode, String uprn) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), r.forename(), r.middleNames(), r.surname(), r.dateOfBirth(), r.gender(),
                r.upn(), r.niNumber(), r.nhsNumber(), List.of(line), postcode, uprn, r.effectiveFrom(), r.declaredHousehold()));
    }

    Someone upn(String upn) {
        return ids(upn, record.niNumber(), record.nhsNumber(), record.localId());
    }

    Someone ni(String ni) {
        return ids(record.upn(), ni, record.nhsNumber(), record.localId());
    }

    Someone nhs(String nhs) {
        return ids(record.upn(), record.niNumber(), nhs, record.localId());
    }

    Someone localId(String system, String value) {
        return ids(record.upn(), record.niNumber(), record.nhsNumber(), new LocalId(system, value));
    }

    Someone since(String date) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), r.forename(), r.middleNames(), r.surname(), r.dateOfBirth(), r.gender(),
                r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), LocalDate.parse(date), r.declaredHousehold()));
    }

    Someone declaredIn(String household) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), r.localId(), r.forename(), r.middleNames(), r.surname(), r.dateOfBirth(), r.gender(),
                r.upn(), r.niNumber(), r.nhsNumber(), r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(), household));
    }

    Profile profile() {
        return Profile.of(record);
    }

    private Someone ids(String upn, String ni, String nhs, LocalId localId) {
        AgencyRecord r = record;
        return of(new AgencyRecord(r.sourcePartner(), localId, r.forename(), r.middleNames(), r.surname(), r.dateOfBirth(), r.gender(),
                upn, ni, nhs, r.addressLines(), r.postcode(), r.uprn(), r.effectiveFrom(), r.declaredHousehold()));
    }

    private static Someone of(AgencyRecord record) {
        return new Someone(record);
    }
}
