package org.familygateway.validation;

import java.time.LocalDate;

/**
 * What the checks of one message need to know beyond its content: which partner delivered it, the
 * day it arrived (UK calendar), and the date the message speaks from (its CreatedAt).
 */
final class CheckContext {

    private final String deliveredBy;
    private final LocalDate receivedOn;
    private LocalDate messageDate;

    CheckContext(String deliveredBy, LocalDate receivedOn) {
        this.deliveredBy = deliveredBy;
        this.receivedOn = receivedOn;
        this.messageDate = receivedOn;
    }

    /** The same context for another thread: the records of a share are checked on several. */
    CheckContext copy() {
        CheckContext copy = new CheckContext(deliveredBy, receivedOn);
        copy.messageDate = messageDate;
        return copy;
    }

    /** Null when the sender is not known (checking a sample on its own). */
    String deliveredBy() {
        return deliveredBy;
    }

    LocalDate receivedOn() {
        return receivedOn;
    }

    LocalDate messageDate() {
        return messageDate;
    }

    void messageDate(LocalDate date) {
        this.messageDate = date.isAfter(receivedOn) ? receivedOn : date;
    }
}
