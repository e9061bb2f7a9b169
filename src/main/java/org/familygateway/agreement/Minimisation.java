package org.familygateway.agreement;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ConcernType;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.DataCatalogue;

/**
 * Takes out of a case everything its recipient may not receive, before it leaves: records of other
 * categories, referral concerns that reveal them (a referral left with none goes too), the evidence
 * that points at removed records, the household and the consent position when their categories
 * are not allowed. The case's Withheld list names the categories removed. The input case is not
 * changed; parts that are not touched are shared with the result.
 *
 * <p>Use {@code forRecipient(agreement, recipient)} when the case rests on one agreement; over
 * several, {@code forRecipient(agreements, recipient, day)} allows what any agreement in force
 * allows the recipient, which is right because admission has already refused each record that its
 * sender's agreement does not cover.
 */
public final class Minimisation {

    private final Set<DataCategoryType> allowed;

    private Minimisation(Set<DataCategoryType> allowed) {
        this.allowed = allowed.isEmpty() ? EnumSet.noneOf(DataCategoryType.class) : EnumSet.copyOf(allowed);
    }

    public static Minimisation forRecipient(Agreement agreement, RecipientType recipient) {
        return new Minimisation(agreement.allowedTo(recipient));
    }

    public static Minimisation forRecipient(Agreements agreements, RecipientType recipient, LocalDate on) {
        return new Minimisation(agreements.allowedTo(recipient, on));
    }

    /** Allowing exactly these categories (tests, and callers that work the set out themselves). */
    public static Minimisation allowing(Set<DataCategoryType> categories) {
        return new Minimisation(categories);
    }

    public Minimised apply(CaseType original) {
        Set<DataCategoryType> removed = EnumSet.noneOf(DataCategoryType.class);
        CaseType result = new CaseType();
        result.setCaseId(original.getCaseId());
        result.setVersion(original.getVersion());
        result.setStatus(original.getStatus());
        result.setIssuedAt(original.getIssuedAt());
        result.setHousehold(keep(DataCategoryType.IDENTITY_AND_HOUSEHOLD, removed) ? original.getHousehold() : null);
        result.setConsentPosition(keep(DataCategoryType.CONSENT, removed) ? original.getConsentPosition() : null);
        result.getSource().addAll(original.getSource());
        for (ReferralType referral : original.getReferral()) {
            ReferralType kept = referral(referral, removed);
            if (kept != null) {
                result.getReferral().add(kept);
            }
        }
        Set<String> removedRecordIds = new HashSet<>();
        for (JAXBElement<? extends RecordType> record : original.getRecord()) {
            DataCategoryType category = categoryOf(record);
            if (keep(category, removed)) {
                result.getRecord().add(record);
            } else {
                removedRecordIds.add(record.getValue().getId());
            }
        }
        result.setDecision(EvidenceFilter.without(original.getDecision(), removedRecordIds));
        Set<DataCategoryType> withheld = EnumSet.noneOf(DataCategoryType.class);
        withheld.addAll(removed);
        withheld.addAll(original.getWithheld());
        withheld.forEach(result.getWithheld()::add);
        return new Minimised(result, removed);
    }

    private boolean keep(DataCategoryType category, Set<DataCategoryType> removed) {
        if (allowed.contains(category)) {
            return true;
        }
        removed.add(category);
        return false;
    }

    /** The referral without the concerns its recipient may not see; null when nothing of it may go. */
    private ReferralType referral(ReferralType referral, Set<DataCategoryType> removed) {
        if (!keep(DataCategoryType.REFERRAL, removed)) {
            return null;
        }
        List<ConcernType> concerns = referral.getConcern().stream().filter(c -> keep(ConcernCategories.of(c.getIndicator()), removed)).toList();
        if (concerns.size() == referral.getConcern().size()) {
            return referral;
        }
        if (concerns.isEmpty()) {
            removed.add(DataCategoryType.REFERRAL);
            return null;
        }
        ReferralType copy = new ReferralType();
        copy.setMessageId(referral.getMessageId());
        copy.setCreatedAt(referral.getCreatedAt());
        copy.setReferrer(referral.getReferrer());
        copy.setHousehold(referral.getHousehold());
        copy.getConcern().addAll(concerns);
        copy.setConsent(referral.getConsent());
        copy.setLawfulBasis(referral.getLawfulBasis());
        copy.getAssessment().addAll(referral.getAssessment());
        copy.setSummary(referral.getSummary());
        return copy;
    }

    /** A record's category as the schema declares it; an element the catalogue does not know is never let through. */
    private static DataCategoryType categoryOf(JAXBElement<? extends RecordType> record) {
        return Catalogue.INSTANCE.of(record.getName().getLocalPart()).map(DataCatalogue.DataClass::category)
                .orElseThrow(() -> new IllegalArgumentException("no data category is declared for " + record.getName().getLocalPart()));
    }
}
