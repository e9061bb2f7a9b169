package org.familygateway.agreement;

import java.util.EnumMap;
import java.util.Map;

import org.familygateway.model.v1.ConcernCodeType;
import org.familygateway.model.v1.DataCategoryType;

/**
 * The data category a referral's concern reveals: a concern about mental health is mental health
 * data, whoever raised it. Concerns that reveal nothing beyond the referral itself are REFERRAL.
 */
final class ConcernCategories {

    private static final Map<ConcernCodeType, DataCategoryType> CATEGORY = new EnumMap<>(ConcernCodeType.class);

    static {
        CATEGORY.put(ConcernCodeType.YOUTH_OFFENDING, DataCategoryType.OFFENCES);
        CATEGORY.put(ConcernCodeType.ADULT_OFFENDING, DataCategoryType.OFFENCES);
        CATEGORY.put(ConcernCodeType.ANTISOCIAL_BEHAVIOUR, DataCategoryType.ASB);
        CATEGORY.put(ConcernCodeType.SCHOOL_ATTENDANCE, DataCategoryType.ATTENDANCE);
        CATEGORY.put(ConcernCodeType.SCHOOL_EXCLUSION, DataCategoryType.EXCLUSIONS);
        CATEGORY.put(ConcernCodeType.NOT_IN_SCHOOL, DataCategoryType.EDUCATION_PROVISION);
        CATEGORY.put(ConcernCodeType.WORKLESSNESS, DataCategoryType.EMPLOYMENT);
        CATEGORY.put(ConcernCodeType.NEET, DataCategoryType.EMPLOYMENT);
        CATEGORY.put(ConcernCodeType.HOMELESSNESS_RISK, DataCategoryType.HOMELESSNESS);
        CATEGORY.put(ConcernCodeType.DOMESTIC_ABUSE, DataCategoryType.DOMESTIC_ABUSE);
        CATEGORY.put(ConcernCodeType.CHILD_NEEDS_EARLY_HELP, DataCategoryType.EARLY_HELP);
        CATEGORY.put(ConcernCodeType.CHILD_IN_NEED, DataCategoryType.CHILDRENS_SOCIAL_CARE);
        CATEGORY.put(ConcernCodeType.CHILD_PROTECTION, DataCategoryType.CHILDRENS_SOCIAL_CARE);
        CATEGORY.put(ConcernCodeType.MENTAL_HEALTH, DataCategoryType.MENTAL_HEALTH);
        CATEGORY.put(ConcernCodeType.SUBSTANCE_MISUSE, DataCategoryType.SUBSTANCE_MISUSE);
        CATEGORY.put(ConcernCodeType.PHYSICAL_HEALTH, DataCategoryType.PHYSICAL_HEALTH);
        CATEGORY.put(ConcernCodeType.PARENT_IN_PRISON, DataCategoryType.CUSTODY_AND_PROBATION);
    }

    private ConcernCategories() {
    }

    static DataCategoryType of(ConcernCodeType concern) {
        return CATEGORY.getOrDefault(concern, DataCategoryType.REFERRAL);
    }
}
