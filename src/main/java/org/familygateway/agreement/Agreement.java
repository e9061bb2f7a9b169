package org.familygateway.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.RecipientType;

/**
 * One data-sharing agreement, as a council configures it in {@code config/agreements/}: the
 * partners that are party to it and what each may share on which basis, the purposes, whether
 * consent is required, who may receive which categories, how long records are kept, and when and
 * whether it is in force.
 *
 * @param validTo the last day it is in force; null while open-ended
 */
public record Agreement(String id, String title, AgreementStatus status, LocalDate validFrom, LocalDate validTo,
                        Set<PurposeType> purposes, Map<String, List<SharingTerm>> partners, ConsentTerms consent,
                        Map<RecipientType, Set<DataCategoryType>> recipients, Period retention) {

    public Agreement {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("agreement id '" + id + "' must be lower-case letters, digits and . _ - (up to 100)");
        }
        if (status == null || validFrom == null || purposes == null || purposes.isEmpty() || partners == null || partners.isEmpty()) {
            throw new IllegalArgumentException("agreement " + id + " needs a status, validFrom, at least one purpose and one partner");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("agreement " + id + " ends (" + validTo + ") before it starts (" + validFrom + ")");
        }
        purposes = Set.copyOf(purposes);
        partners = partners.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> List.copyOf(e.getValue())));
        consent = consent == null ? ConsentTerms.NOT_REQUIRED : consent;
        recipients = recipients == null ? Map.of() : Map.copyOf(recipients);
    }

    /** Why nothing may be shared under it on this day, if anything stops it. */
    public Optional<Refusal> refusalOn(LocalDate day) {
        if (status == AgreementStatus.ENDED || (validTo != null && validTo.isBefore(day))) {
            return Optional.of(new Refusal(ReasonCodeType.AGREEMENT_ENDED, "the data-sharing agreement " + id + " has ended"
                    + (status == AgreementStatus.ENDED ? "" : " (on " + validTo + ")")));
        }
        if (status == AgreementStatus.SUSPENDED) {
            return Optional.of(new Refusal(ReasonCodeType.AGREEMENT_SUSPENDED, "the data-sharing agreement " + id + " is suspended"));
        }
        if (validFrom.isAfter(day)) {
            return Optional.of(new Refusal(ReasonCodeType.AGREEMENT_NOT_IN_FORCE, "the data-sharing agreement " + id
                    + " is not in force until " + validFrom));
        }
        return Optional.empty();
    }

    public boolean names(String partnerId) {
        return partners.containsKey(partnerId);
    }

    /** The term under which the partner may share the category, if any. */
    public Optional<SharingTerm> termFor(String partnerId, DataCategoryType category) {
        return partners.getOrDefault(partnerId, List.of()).stream().filter(t -> t.categories().contains(category)).findFirst();
    }

    /** Whether it serves the purpose; a null purpose asks whether it serves any. */
    public boolean serves(PurposeType purpose) {
        return purpose == null || purposes.contains(purpose);
    }

    /** The categories the recipient may receive under it. */
    public Set<DataCategoryType> allowedTo(RecipientType recipient) {
        return recipients.getOrDefault(recipient, Set.of());
    }

    public Agreement withStatus(AgreementStatus changed) {
        return new Agreement(id, title, changed, validFrom, validTo, purposes, partners, consent, recipients, retention);
    }

    /** Why something was refused under the agreements: the reason code and words without personal data. */
    public record Refusal(ReasonCodeType code, String message) {
    }
}
