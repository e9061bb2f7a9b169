package org.familygateway.audit;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How long an entry's details are kept: a default period, and a period of its own for each
 * data-sharing agreement that names one. Entries under no agreement (intake steps, IG access)
 * follow the default.
 */
public record RetentionPolicy(Period defaultPeriod, Map<String, Period> perAgreement) {

    public RetentionPolicy {
        perAgreement = Map.copyOf(perAgreement);
        if (defaultPeriod.isNegative() || perAgreement.values().stream().anyMatch(Period::isNegative)) {
            throw new IllegalArgumentException("a retention period cannot be negative");
        }
    }

    public Period periodFor(String agreementId) {
        return agreementId == null ? defaultPeriod : perAgreement.getOrDefault(agreementId, defaultPeriod);
    }

    /** Whether an entry written at {@code occurredAt} under the agreement is past its period at {@code now}. */
    public boolean expired(String agreementId, Instant occurredAt, Instant now) {
        return occurredAt.atOffset(ZoneOffset.UTC).plus(periodFor(agreementId)).toInstant().isBefore(now);
    }

    /** Nothing written after this can have expired at {@code now}: the shortest period decides. */
    Instant earliestExpiry(Instant now) {
        Period shortest = perAgreement.values().stream().reduce(defaultPeriod,
                (a, b) -> now.atOffset(ZoneOffset.UTC).minus(a).isAfter(now.atOffset(ZoneOffset.UTC).minus(b)) ? a : b);
        return now.atOffset(ZoneOffset.UTC).minus(shortest).toInstant();
    }
}
