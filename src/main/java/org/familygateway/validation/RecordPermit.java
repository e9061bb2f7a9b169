package org.familygateway.validation;

import java.util.List;

import org.familygateway.model.Rejection;

/**
 * The sharing rules a share's records are read under, asked record by record as they stream past:
 * whether the sender may share a record of this kind. A refused record is rejected like an invalid
 * one, and the others go on. Throwing a Rejection instead refuses the whole message.
 */
public interface RecordPermit {

    /** Lets every record through: for checking a sample on its own. */
    RecordPermit ANY = element -> List.of();

    /** Why the sender may not share a record of this element, none if it may. */
    List<Rejection> check(String recordElement);

    /** The record passed every check and goes on. */
    default void accepted(String recordElement) {
    }
}
