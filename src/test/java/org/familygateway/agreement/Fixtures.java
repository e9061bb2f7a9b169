package org.familygateway.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familygateway.model.v1.Article6BasisType;
import org.familygateway.model.v1.Article9ConditionType;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.model.v1.StatutoryGatewayType;
import org.familygateway.testing.Project;
import org.familygateway.validation.MessageXml;

/** Agreements and referrals for the agreement tests: small, with only what a test changes spelled out. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Set<PurposeType> PURPOSES = Set.of(PurposeType.IDENTIFY_FAMILIES, PurposeType.COORDINATE_SUPPORT);

    private Fixtures() {
    }

    static SharingTerm term(StatutoryGatewayType gateway, DataCategoryType... categories) {
        return new SharingTerm(Set.of(categories), Article6BasisType.PUBLIC_TASK, gateway, null);
    }

    static SharingTerm specialTerm(DataCategoryType... categories) {
        return new SharingTerm(Set.of(categories), Article6BasisType.PUBLIC_TASK, StatutoryGatewayType.CHILDREN_ACT_2004_S_10,
                Article9ConditionType.HEALTH_OR_SOCIAL_CARE);
    }

    /** An active agreement for the school (attendance, referrals) in force all year, consent required, s47 accepted instead. */
    static Agreement schoolAgreement() {
        return agreement("school-2026", AgreementStatus.ACTIVE, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                Map.of("example-school", List.of(term(StatutoryGatewayType.CHILDREN_ACT_2004_S_10, DataCategoryType.REFERRAL,
                        DataCategoryType.ATTENDANCE))));
    }

    static Agreement agreement(String id, AgreementStatus status, LocalDate from, LocalDate to, Map<String, List<SharingTerm>> partners) {
        return new Agreement(id, "Test agreement " + id, status, from, to, PURPOSES, partners,
                new ConsentTerms(true, Set.of(StatutoryGatewayType.CHILDREN_ACT_1989_S_47), Period.ofMonths(12)),
                Map.of(RecipientType.FAMILY_TEAM, Set.of(DataCategoryType.REFERRAL, DataCategoryType.ATTENDANCE)), Period.ofYears(6));
    }

    /** The example school referral: the mother (an adult) consents for both purposes and the family team. */
    static ReferralType schoolReferral() {
        return example("referral-from-school.xml", ReferralType.class);
    }

    /** The example police referral: no consent, Crime and Disorder Act s115 with a safeguarding Art 9 condition. */
    static ReferralType policeReferral() {
        return example("referral-on-safeguarding-basis-from-police.xml", ReferralType.class);
    }

    static <T> T example(String name, Class<T> type) {
        try {
            return new MessageXml(10_000_000).read(Files.readAllBytes(Project.examples().resolve(name)), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
