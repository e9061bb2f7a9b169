package org.familygateway.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A strong identifier a record carries. A local id's kind includes its system, because the same
 * value in two systems names two different things; two identifiers of the same kind with different
 * values name two different people.
 */
record Identifier(String kind, String value) {

    static final String UPN = "UPN";
    static final String NI_NUMBER = "NI";
    static final String NHS_NUMBER = "NHS";
    static final String LOCAL = "LOCAL:";

    static List<Identifier> of(AgencyRecord record) {
        List<Identifier> identifiers = new ArrayList<>(2);
        add(identifiers, UPN, record.upn());
        add(identifiers, NI_NUMBER, record.niNumber());
        add(identifiers, NHS_NUMBER, record.nhsNumber());
        if (record.localId() != null) {
            add(identifiers, LOCAL + record.localId().system(), record.localId().value());
        }
        return identifiers;
    }

    String key() {
        return kind + "=" + value;
    }


    /** The name of the kind for people: "UPN", "NI", "NHS" or "local id (system)". */
    String label() {
        return kind.startsWith(LOCAL) ? "local id (" + kind.substring(LOCAL.length()) + ")" : kind;
    }

    private static void add(List<Identifier> identifiers, String kind, String value) {
        if (value != null && !value.isBlank()) {
            identifiers.add(new Identifier(kind, NameForms.compact(value)));
        }
    }
}
