package org.familygateway.agreement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.RecipientType;

/**
 * The agreements in force at one moment, with their statuses as changed by commands. Immutable:
 * a message is judged against one set from start to end, and a change applies from the next one.
 */
public final class Agreements {

    private final Map<String, Agreement> byId = new TreeMap<>();

    public Agreements(Collection<Agreement> agreements) {
        for (Agreement agreement : agreements) {
            if (byId.put(agreement.id(), agreement) != null) {
                throw new IllegalArgumentException("two agreements have the id " + agreement.id());
            }
        }
    }

    public List<Agreement> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Agreement> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Whether the partner may share anything at all on the day: an agreement that names it and is
     * in force (term null: no category asked), or why not. Checked once per message.
     */
    public Coverage standing(String partnerId, LocalDate on) {
        List<Agreement> naming = naming(partnerId);
        if (naming.isEmpty()) {
            return missing(partnerId);
        }
        return naming.stream().filter(a -> a.refusalOn(on).isEmpty()).findFirst().map(a -> Coverage.by(a, null))
                .orElseGet(() -> Coverage.refused(naming.get(0).refusalOn(on).orElseThrow()));
    }

    /**
     * Which agreement and lawful basis cover the partner sharing the category for the purpose on the
     * day (a null purpose: any purpose the agreement serves), or the refusal that names why not:
     * no agreement, the agreement suspended, ended or not yet in force, or the category not covered.
     */
    public Coverage cover(String partnerId, DataCategoryType category, PurposeType purpose, LocalDate on) {
        List<Agreement> naming = naming(partnerId);
        if (naming.isEmpty()) {
            return missing(partnerId);
        }
        List<Agreement> covering = naming.stream().filter(a -> a.serves(purpose) && a.termFor(partnerId, category).isPresent()).toList();
        for (Agreement agreement : covering) {
            if (agreement.refusalOn(on).isEmpty()) {
                return Coverage.by(agreement, agreement.termFor(partnerId, category).orElseThrow());
            }
        }
        if (!covering.isEmpty()) {
            return Coverage.refused(covering.get(0).refusalOn(on).orElseThrow());
        }
        Optional<Agreement> inForce = naming.stream().filter(a -> a.refusalOn(on).isEmpty()).findFirst();
        if (inForce.isEmpty()) {
            return Coverage.refused(naming.get(0).refusalOn(on).orElseThrow());
        }
        return Coverage.refused(new Agreement.Refusal(ReasonCodeType.CATEGORY_NOT_COVERED, "the data-sharing agreement "
                + inForce.get().id() + " does not allow " + partnerId + " to share " + category.value() + " data"
                + (purpose == null ? "" : " for " + purpose.value())));
    }

    /** The categories the recipient may receive under any agreement in force on the day. */
    public Set<DataCategoryType> allowedTo(RecipientType recipient, LocalDate on) {
        Set<DataCategoryType> allowed = EnumSet.noneOf(DataCategoryType.class);
        byId.values().stream().filter(a -> a.refusalOn(on).isEmpty()).forEach(a -> allowed.addAll(a.allowedTo(recipient)));
        return allowed;
    }

    private List<Agreement> naming(String partnerId) {
        return byId.values().stream().filter(a -> a.names(partnerId)).toList();
    }

    private static Coverage missing(String partnerId) {
        return Coverage.refused(new Agreement.Refusal(ReasonCodeType.AGREEMENT_MISSING,
                "no data-sharing agreement names the partner " + partnerId));
    }
}
