package org.familygateway.eligibility;

import java.util.Map;
import java.util.Optional;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.HealthNeedType;
import org.familygateway.model.v1.RecordActionType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.ShareHeaderType;

/**
 * From the records of an information share (the generated JAXB types) to the facts the rules read.
 * The subject id is the pseudonymous id matching gave the record's subject; every fact keeps the
 * partner, agency, message and record it came from.
 */
public final class RecordFacts {

    /** The share a record arrived in. */
    public record Share(String partnerId, AgencyKindType agency, String messageId) {

        public static Share of(ShareHeaderType header) {
            return new Share(header.getSender().getPartnerId(), header.getSender().getKind(), header.getMessageId());
        }
    }

    private static final Map<String, Need> HEALTH = Map.of("MentalHealthNeed", Need.MENTAL_HEALTH,
            "SubstanceMisuse", Need.SUBSTANCE_MISUSE, "PhysicalHealthNeed", Need.PHYSICAL_HEALTH);

    private RecordFacts() {
    }

    /**
     * Adds a record to a household's evidence the way its action says: a new record or a correction
     * as a fact (a correction replaces the fact with the same record id), a withdrawal by removing it.
     */
    public static void apply(Household.Builder household, JAXBElement<? extends RecordType> element, String subjectId, Share share) {
        RecordType record = element.getValue();
        if (record.getAction() == RecordActionType.WITHDRAWAL) {
            household.withdraw(share.partnerId(), record.getId());
        } else {
            toFact(element, subjectId, share).ifPresent(household::fact);
        }
    }

    /** The fact a record states; empty for a withdrawal. The element name tells the three kinds of health record apart. */
    public static Optional<Fact> toFact(JAXBElement<? extends RecordType> element, String subjectId, Share share) {
        RecordType record = element.getValue();
        if (record.getAction() == RecordActionType.WITHDRAWAL) {
            return Optional.empty();
        }
        Source source = new Source(share.partnerId(), share.agency(), share.messageId(), record.getId());
        if (record instanceof HealthNeedType health) {
            Need need = HEALTH.get(element.getName().getLocalPart());
            if (need == null) {
                throw new IllegalArgumentException("no kind of health need is called " + element.getName().getLocalPart());
            }
            return Optional.of(new HealthNeed(subjectId, need, health.getService(), RecordFactTypes.period(health.getKnown()),
                    health.isInTreatment(), source));
        }
        return Optional.of(RecordFactTypes.fact(record, subjectId, source));
    }
}
