package org.familygateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.agreement.Fixtures.TODAY;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.ConcernType;
import org.familygateway.model.v1.ConsentGiverType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.model.v1.RelationshipKindType;
import org.familygateway.model.v1.StatutoryGatewayType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a referral's consent holds or fails, and a lawful basis relied on instead: the
 * outcome, the reason code the referrer is told, and the words of the reason (which never name
 * the people).
 */
class ConsentCheckTest {

    private static final ConsentDecision.Outcome VALID = ConsentDecision.Outcome.CONSENT_VALID;
    private static final ConsentDecision.Outcome INVALID = ConsentDecision.Outcome.INVALID;
    private static final ConsentDecision.Outcome MISSING = ConsentDecision.Outcome.MISSING;
    private static final ConsentDecision.Outcome BASIS = ConsentDecision.Outcome.LAWFUL_BASIS_RELIED_ON;

    static Stream<Arguments> cases() {
        Supplier<ReferralType> school = Fixtures::schoolReferral;
        Supplier<ReferralType> police = Fixtures::policeReferral;
        return Stream.of(
                row("consent given by an adult member, in scope", school, r -> { }, VALID, null),
                row("consent given by a member under 18 without parental responsibility", school,
                        r -> r.getConsent().setGivenBy(r.getHousehold().getMember().get(1)), INVALID, "under 18 without parental responsibility"),
                row("consent given by a member under 18 who holds parental responsibility", school, r -> {
                    r.getHousehold().getMember().get(0).setDateOfBirth(LocalDate.of(2009, 6, 1));
                }, VALID, null),
                row("consent given by someone outside the household with parental responsibility", school,
                        r -> r.getConsent().setGivenByOther(other(true)), VALID, null),
                row("consent given by someone outside the household without parental responsibility", school,
                        r -> r.getConsent().setGivenByOther(other(false)), INVALID, "outside the household without parental responsibility"),
                row("consent dated in the future", school, r -> r.getConsent().setGivenOn(TODAY.plusDays(1)), INVALID, "dated in the future"),
                row("consent not dated", school, r -> r.getConsent().setGivenOn(null), INVALID, "not dated"),
                row("consent expired by its own date", school, r -> r.getConsent().setExpiresOn(TODAY.minusDays(1)), INVALID, "has expired"),
                row("consent on its last day", school, r -> r.getConsent().setExpiresOn(TODAY), VALID, null),
                row("consent older than the agreement's maximum age", school, r -> r.getConsent().setGivenOn(TODAY.minusMonths(13)),
                        INVALID, "more than P12M ago"),
                row("scope without a purpose of the agreement", school,
                        r -> r.getConsent().getScope().getPurpose().remove(PurposeType.COORDINATE_SUPPORT), INVALID,
                        "does not cover the purpose COORDINATE_SUPPORT"),
                row("scope without the family team", school, r -> {
                    r.getConsent().getScope().getRecipient().clear();
                    r.getConsent().getScope().getRecipient().add(RecipientType.EARLY_HELP_TEAM);
                }, INVALID, "does not name the family team"),
                row("no consent and no basis, consent required", school, r -> r.setConsent(null), MISSING, "requires consent and the referral carries none"),
                row("a lawful basis the agreement accepts instead of consent", police,
                        r -> r.getLawfulBasis().setStatutoryGateway(StatutoryGatewayType.CHILDREN_ACT_1989_S_47), BASIS, null),
                row("a lawful basis the agreement does not accept instead of consent", police, r -> { }, MISSING,
                        "relies on CRIME_AND_DISORDER_ACT_1998_S115 instead, which the agreement does not accept"),
                row("health concerns on a lawful basis without an Article 9 condition", police, r -> {
                    r.getLawfulBasis().setStatutoryGateway(StatutoryGatewayType.CHILDREN_ACT_1989_S_47);
                    r.getLawfulBasis().setArticle9Condition(null);
                    ConcernType health = new ConcernType();
                    health.setIndicator(ConcernCodeType.MENTAL_HEALTH);
                    health.setMember(r.getHousehold().getMember().get(0));
                    health.setObservedOn(TODAY);
                    r.getConcern().add(health);
                }, MISSING, "needs an Article 9 condition"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides_whether_the_referral_goes_on_and_says_why_not(String path, Supplier<ReferralType> base, Consumer<ReferralType> change,
                                                               ConsentDecision.Outcome expected, String words) {
        ReferralType referral = base.get();
        change.accept(referral);

        ConsentDecision decision = ConsentCheck.check(referral, Fixtures.schoolAgreement(), TODAY);

        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.goesOn()).isEqualTo(expected == VALID || expected == BASIS);
        assertThat(decision.needsIgReview()).isEqualTo(expected == BASIS);
        if (words == null) {
            assertThat(decision.rejection()).isEmpty();
        } else {
            assertThat(decision.rejection()).get().satisfies(r -> {
                assertThat(r.code()).isEqualTo(expected == MISSING ? ReasonCodeType.CONSENT_MISSING : ReasonCodeType.CONSENT_INVALID);
                assertThat(r.getMessage()).contains(words).doesNotContain("Alex").doesNotContain("Example");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void names_the_basis_a_referral_goes_on_under(String path, Supplier<ReferralType> base, Consumer<ReferralType> change,
                                                  ConsentDecision.Outcome expected, String words) {
        ReferralType referral = base.get();
        change.accept(referral);

        ConsentDecision decision = ConsentCheck.check(referral, Fixtures.schoolAgreement(), TODAY);

        if (expected == VALID) {
            assertThat(decision.basis()).isEqualTo("CONSENT");
        } else if (expected == BASIS) {
            assertThat(decision.basis()).isEqualTo("PUBLIC_TASK/CHILDREN_ACT_1989_S47/SUBSTANTIAL_PUBLIC_INTEREST_SAFEGUARDING");
        } else {
            assertThat(decision.basis()).isNull();
        }
    }

    @org.junit.jupiter.api.Test
    void an_agreement_that_does_not_require_consent_lets_a_named_basis_through_for_review() {
        Agreement agreement = Fixtures.schoolAgreement();
        Agreement noConsent = new Agreement(agreement.id(), agreement.title(), agreement.status(), agreement.validFrom(), agreement.validTo(),
                agreement.purposes(), agreement.partners(), new ConsentTerms(false, Set.of(), Period.ofYears(1)), Map.of(), null);

        ConsentDecision decision = ConsentCheck.check(Fixtures.policeReferral(), noConsent, TODAY);

        assertThat(decision.outcome()).isEqualTo(BASIS);
        assertThat(decision.needsIgReview()).isTrue();
    }

    private static ConsentGiverType other(boolean parentalResponsibility) {
        ConsentGiverType giver = new ConsentGiverType();
        giver.setDateOfBirth(LocalDate.of(1960, 1, 1));
        giver.setRelationshipToChild(RelationshipKindType.GRANDPARENT);
        giver.setParentalResponsibility(parentalResponsibility);
        return giver;
    }

    private static Arguments row(String path, Supplier<ReferralType> base, Consumer<ReferralType> change, ConsentDecision.Outcome outcome,
                                 String words) {
        return Arguments.of(path, base, change, outcome, words);
    }
}
