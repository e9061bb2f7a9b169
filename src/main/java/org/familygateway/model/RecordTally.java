package org.familygateway.model;

import java.util.List;

/**
 * How the records of a share fared. The rejected ones are listed up to a limit; {@code notListed}
 * counts the rest.
 */
public record RecordTally(long received, long accepted, long rejected, List<RecordRejection> listed) {

    public RecordTally {
        listed = List.copyOf(listed);
    }

    public long notListed() {
        return rejected - listed.size();
    }
}
