package org.familygateway.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one agency says about one person, true from a date: the unit the matcher links. Identifiers
 * the agency does not hold are null; so are the middle names, the UPRN and the declared household
 * when absent.
 *
 * @param sourcePartner the partner the record came from
 * @param localId the id the agency keeps stable for this person in one of its systems, or null
 * @param declaredHousehold a key naming the household a referral declared this person a member of
 *        (unique to that referral, e.g. partner and message id), or null
 * @param effectiveFrom the date from which the agency says this is true (e.g. the address from then)
 */
public record AgencyRecord(
        String sourcePartner,
        LocalId localId,
        String forename,
        String middleNames,
        String surname,
        LocalDate dateOfBirth,
        Gender gender,
        String upn,
        String niNumber,
        String nhsNumber,
        List<String> addressLines,
        String postcode,
        String uprn,
        LocalDate effectiveFrom,
        String declaredHousehold) {

    /** An id unique only within the agency system that issued it. */
    public record LocalId(String system, String value) {
        public LocalId {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(value, "value");
        }

        String key() {
            return system + "/" + value;
        }
    }

    public enum Gender { FEMALE, MALE, OTHER, NOT_KNOWN }

    public AgencyRecord {
        Objects.requireNonNull(sourcePartner, "sourcePartner");
        Objects.requireNonNull(forename, "forename");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        gender = gender == null ? Gender.NOT_KNOWN : gender;
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
