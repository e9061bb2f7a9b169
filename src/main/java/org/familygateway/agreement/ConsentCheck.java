package org.familygateway.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.ConcernType;
import org.familygateway.model.v1.ConsentType;
import org.familygateway.model.v1.DeclaredHouseholdType;
import org.familygateway.model.v1.LawfulBasisType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.model.v1.RelationshipType;

/**
 * Whether a referral's consent holds under an agreement, or the lawful basis it relies on instead is
 * one the agreement accepts. Pure: the referral, the agreement, the purposes and the day in; the
 * decision out. Reasons name the rule that failed, never who the people are.
 *
 * <p>Consent holds when it was given by an adult member of the household or by someone with
 * parental responsibility, is dated and not in the future, has not expired (by its own date, or by
 * the agreement's maximum age), and its scope covers every purpose and the family team. Invalid
 * consent holds a referral whether or not the agreement requires consent: the family team must
 * never receive a case resting on consent that does not stand.
 */
public final class ConsentCheck {

    static final int ADULT_AGE = 18;
    private static final Set<ConcernCodeType> SPECIAL_CATEGORY_CONCERNS = EnumSet.of(ConcernCodeType.MENTAL_HEALTH,
            ConcernCodeType.SUBSTANCE_MISUSE, ConcernCodeType.PHYSICAL_HEALTH);

    private ConsentCheck() {
    }

    /** The decision for a referral shared for the agreement's own purposes. */
    public static ConsentDecision check(ReferralType referral, Agreement agreement, LocalDate on) {
        return check(referral, agreement, agreement.purposes(), on);
    }

    /** The decision for a referral to be used for these purposes on the day. */
    public static ConsentDecision check(ReferralType referral, Agreement agreement, Set<PurposeType> purposes, LocalDate on) {
        ConsentTerms terms = agreement.consent();
        if (referral.getConsent() != null) {
            List<String> problems = problems(referral.getConsent(), referral.getHousehold(), purposes, terms.maxAge(), on);
            return problems.isEmpty() ? new ConsentDecision(ConsentDecision.Outcome.CONSENT_VALID, "CONSENT", null)
                    : new ConsentDecision(ConsentDecision.Outcome.INVALID, null, String.join("; ", problems));
        }
        LawfulBasisType basis = referral.getLawfulBasis();
        if (basis == null) {
            return terms.required()
                    ? new ConsentDecision(ConsentDecision.Outcome.MISSING, null, "the data-sharing agreement " + agreement.id()
                            + " requires consent and the referral carries none")
                    : new ConsentDecision(ConsentDecision.Outcome.CONSENT_NOT_REQUIRED, null, null);
        }
        return insteadOfConsent(referral, basis, agreement);
    }

    private static ConsentDecision insteadOfConsent(ReferralType referral, LawfulBasisType basis, Agreement agreement) {
        if (agreement.consent().required() && !agreement.consent().acceptedInstead().contains(basis.getStatutoryGateway())) {
            return new ConsentDecision(ConsentDecision.Outcome.MISSING, null, "the data-sharing agreement " + agreement.id()
                    + " requires consent; the referral relies on " + basis.getStatutoryGateway().value()
                    + " instead, which the agreement does not accept in place of consent");
        }
        boolean special = referral.getConcern().stream().map(ConcernType::getIndicator).anyMatch(SPECIAL_CATEGORY_CONCERNS::contains);
        if (special && basis.getArticle9Condition() == null) {
            return new ConsentDecision(ConsentDecision.Outcome.MISSING, null, "the referral's health or substance misuse concerns are "
                    + "special category data: relying on a lawful basis instead of consent needs an Article 9 condition");
        }
        String named = basis.getArticle6Basis().value() + "/" + basis.getStatutoryGateway().value()
                + (basis.getArticle9Condition() == null ? "" : "/" + basis.getArticle9Condition().value());
        return new ConsentDecision(ConsentDecision.Outcome.LAWFUL_BASIS_RELIED_ON, named, null);
    }

    private static List<String> problems(ConsentType consent, DeclaredHouseholdType household, Set<PurposeType> purposes,
                                         Period maxAge, LocalDate on) {
        List<String> problems = new ArrayList<>();
        giver(consent, household).ifPresent(problems::add);
        LocalDate given = consent.getGivenOn();
        if (given == null) {
            problems.add("the consent is not dated");
        } else if (given.isAfter(on)) {
            problems.add("the consent is dated in the future");
        } else if (consent.getExpiresOn() != null && consent.getExpiresOn().isBefore(on)) {
            problems.add("the consent has expired");
        } else if (consent.getExpiresOn() == null && maxAge != null && given.plus(maxAge).isBefore(on)) {
            problems.add("the consent was given more than " + maxAge + " ago and has lapsed under the agreement");
        }
        Set<PurposeType> scope = consent.getScope() == null ? Set.of() : Set.copyOf(consent.getScope().getPurpose());
        purposes.stream().filter(p -> !scope.contains(p)).sorted()
                .forEach(p -> problems.add("the consent's scope does not cover the purpose " + p.value()));
        if (consent.getScope() == null || !consent.getScope().getRecipient().contains(RecipientType.FAMILY_TEAM)) {
            problems.add("the consent's scope does not name the family team as a recipient");
        }
        return problems;
    }

    /** Why the giver cannot consent for the household, if they cannot. */
    private static Optional<String> giver(ConsentType consent, DeclaredHouseholdType household) {
        if (consent.getGivenByOther() != null) {
            return consent.getGivenByOther().isParentalResponsibility() ? Optional.empty()
                    : Optional.of("the consent was given by someone outside the household without parental responsibility");
        }
        if (!(consent.getGivenBy() instanceof PersonType member)) {
            return Optional.of("the consent does not name a household member as its giver");
        }
        LocalDate dated = consent.getGivenOn() == null ? LocalDate.MIN : consent.getGivenOn();
        boolean adult = member.getDateOfBirth() != null && !member.getDateOfBirth().plusYears(ADULT_AGE).isAfter(dated);
        if (adult || holdsParentalResponsibility(member, household)) {
            return Optional.empty();
        }
        return Optional.of("the consent was given by a household member under " + ADULT_AGE
                + " without parental responsibility");
    }

    private static boolean holdsParentalResponsibility(PersonType member, DeclaredHouseholdType household) {
        if (household == null) {
            return false;
        }
        for (RelationshipType relationship : household.getRelationship()) {
            if (relationship.getFrom() == member && Boolean.TRUE.equals(relationship.isParentalResponsibility())) {
                return true;
            }
        }
        return false;
    }
}
