package org.familygateway.validation;

import java.util.List;
import java.util.Map;

import org.familygateway.model.Rejection;

/**
 * The sharing rules a share's records are read under, asked record by record as they stream past:
 * whether the sender may share a record of this kind. A refused record is rejected like an invalid
 * one, and the others go on. Throwing a Rejection instead refuses the whole message.
 */
public interface RecordPermit {

    /** Lets every record through: for checking a sample on its own. */
    RecordPermit ANY = (element, fields) -> List.of();

    /**
     * Why the sender may not share this record, none if it may. {@code fields}: the text of the
     * record's fields by element name, read only for records whose kind {@link #needsFields} says.
     */
    List<Rejection> check(String recordElement, Map<String, String> fields);

    /** Whether the decision on records of this kind depends on their fields' values. */
    default boolean needsFields(String recordElement) {
        return false;
    }

    /** The record passed every check and goes on. */
    default void accepted(String recordElement) {
    }
}
