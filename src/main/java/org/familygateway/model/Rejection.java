package org.familygateway.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familygateway.model.v1.ReasonCodeType;

/**
 * A message is refused, for a reason the sender is told. The message text names the problem and,
 * by rule, never quotes the message's content: it goes to the sender, to the audit log and to the
 * operator's log alike.
 */
public class Rejection extends RuntimeException {

    private final ReasonCodeType code;
    private final String location;
    private final List<Rejection> further;
    private RecordTally records;
    private String senderMessageId;

    public Rejection(ReasonCodeType code, String message) {
        this(code, message, null, null);
    }

    public Rejection(ReasonCodeType code, String message, String location) {
        this(code, message, location, null);
    }

    public Rejection(ReasonCodeType code, String message, String location, Throwable cause) {
        this(code, message, location, cause, List.of());
    }

    private Rejection(ReasonCodeType code, String message, String location, Throwable cause, List<Rejection> further) {
        super(Objects.requireNonNull(message, "message"), cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.location = location;
        this.further = List.copyOf(further);
    }

    /** One rejection for several problems found in the same message: the first, with the rest. */
    public static Rejection of(List<Rejection> problems) {
        Rejection first = problems.get(0);
        return new Rejection(first.code, first.getMessage(), first.location, first.getCause(), problems.subList(1, problems.size()));
    }

    /** For a share none of whose records was accepted: how its records fared. */
    public Rejection withRecords(RecordTally tally) {
        this.records = tally;
        return this;
    }

    public Optional<RecordTally> records() {
        return Optional.ofNullable(records);
    }

    /**
     * The sender's own id for the refused message, when it was read, and valid, before the problem
     * was found: the receipt, the audit entry and the quarantined copy then name it, so that a
     * partner asking about its message finds it by the id it knows.
     */
    public Rejection withSenderMessageId(String messageId) {
        this.senderMessageId = messageId;
        return this;
    }

    public Optional<String> senderMessageId() {
        return Optional.ofNullable(senderMessageId);
    }

    /** Every problem, this one first. */
    public List<Rejection> problems() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this), further.stream()).toList();
    }

    public ReasonCodeType code() {
        return code;
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage() + (location == null ? "" : " (at " + location + ")");
    }
}
