package org.familygateway.matching;

import java.util.ArrayList;
import java.util.List;

/** The place keys a record puts a person at: its premises (UPRN and address) and declared household. */
final class Places {

    private Places() {
    }

    static List<String> of(Profile profile) {
        List<String> places = new ArrayList<>(3);
        Premises premises = profile.premises();
        if (premises.uprnKey() != null) {
            places.add(premises.uprnKey());
        }
        if (premises.addressKey() != null) {
            places.add(premises.addressKey());
        }
        if (profile.declaredHousehold() != null) {
            places.add(declared(profile.declaredHousehold()));
        }
        return places;
    }

    static String declared(String householdKey) {
        return "H" + householdKey;
    }
}
