package org.familygateway.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A person's household membership over time, from their records: each record puts them in the
 * household at its address from its effective date, so a move changes the household from the date
 * of the move, and the membership before it ends that day. A record from a referral that declares
 * the household gives a DECLARED membership, any other an ADDRESS one. Several records on one day
 * disagreeing about the address: the last one received wins.
 */
final class HouseholdHistory {

    /** Membership of one household over [from, to); to is null while it lasts. */
    record Membership(long householdId, LocalDate from, LocalDate to, String basis) {
    }

    static final String ADDRESS = "ADDRESS";
    static final String DECLARED = "DECLARED";

    private HouseholdHistory() {
    }

    /**
     * @param householdOf the household of a record's premises (null when its address is unknown)
     */
    static List<Membership> of(List<Profile> records, Function<Premises, Long> householdOf) {
        List<Profile> dated = new ArrayList<>(records);
        dated.sort(Comparator.comparing(Profile::effectiveFrom).thenComparingLong(Profile::recordId));
        List<Membership> memberships = new ArrayList<>();
        for (Profile record : dated) {
            Long household = record.premises().known() ? householdOf.apply(record.premises()) : null;
            if (household == null) {
                continue;
            }
            String basis = record.declaredHousehold() != null ? DECLARED : ADDRESS;
            Membership last = memberships.isEmpty() ? null : memberships.get(memberships.size() - 1);
            if (last != null && last.householdId() == household) {
                continue;
            }
            if (last != null && last.from().equals(record.effectiveFrom())) {
                memberships.remove(memberships.size() - 1);
                last = memberships.isEmpty() ? null : memberships.get(memberships.size() - 1);
                if (last != null && last.householdId() == household) {
                    memberships.set(memberships.size() - 1, new Membership(household, last.from(), null, last.basis()));
                    continue;
                }
            }
            if (last != null) {
                memberships.set(memberships.size() - 1, new Membership(last.householdId(), last.from(), record.effectiveFrom(), last.basis()));
            }
            memberships.add(new Membership(household, record.effectiveFrom(), null, basis));
        }
        return memberships;
    }
}
