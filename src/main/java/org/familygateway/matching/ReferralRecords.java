package org.familygateway.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.model.v1.AddressType;
import org.familygateway.model.v1.PersonIdentifiersType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.ReferralType;

/**
 * What a referral says about each member of the household it declares, as agency records: each
 * member at the household's address from the day the referral was made, all declaring the same
 * household (named by the partner and the referral's message id). A member with several local ids
 * is matched on the first; the others stay in the referral.
 */
public final class ReferralRecords {

    private ReferralRecords() {
    }

    public static List<AgencyRecord> of(ReferralType referral) {
        String partner = referral.getReferrer().getAgency().getPartnerId();
        String household = partner + "/" + referral.getMessageId();
        LocalDate madeOn = referral.getCreatedAt().toLocalDate();
        AddressType address = referral.getHousehold().getAddress();
        List<AgencyRecord> records = new ArrayList<>();
        for (PersonType member : referral.getHousehold().getMember()) {
            records.add(member(partner, member, address, madeOn, household));
        }
        return records;
    }

    /** One person a message names with their household's address, as a record (declaring no household). */
    public static AgencyRecord member(String partner, PersonType member, AddressType address, LocalDate effectiveFrom) {
        return member(partner, member, address, effectiveFrom, null);
    }

    private static AgencyRecord member(String partner, PersonType member, AddressType address, LocalDate effectiveFrom, String household) {
        PersonIdentifiersType ids = member.getIdentifiers();
        AgencyRecord.LocalId localId = ids == null || ids.getLocalId().isEmpty() ? null
                : new AgencyRecord.LocalId(ids.getLocalId().get(0).getSystem(), ids.getLocalId().get(0).getValue());
        return new AgencyRecord(partner, localId, member.getName().getForename(), member.getName().getMiddleNames(),
                member.getName().getSurname(), member.getDateOfBirth(),
                member.getGender() == null ? null : AgencyRecord.Gender.valueOf(member.getGender().name()),
                ids == null ? null : ids.getUPN(), ids == null ? null : ids.getNINumber(), ids == null ? null : ids.getNHSNumber(),
                address.getLine(), address.getPostcode(), address.getUPRN(), effectiveFrom, household);
    }
}
