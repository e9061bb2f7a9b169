package org.familygateway.agreement;

import java.util.Set;

import org.familygateway.model.v1.Article6BasisType;
import org.familygateway.model.v1.Article9ConditionType;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.StatutoryGatewayType;

/**
 * Categories a partner may share under an agreement, and the lawful basis for them: the UK GDPR
 * Article 6 basis, the statutory gateway relied on, and for special-category data the Article 9
 * condition.
 */
public record SharingTerm(Set<DataCategoryType> categories, Article6BasisType article6, StatutoryGatewayType gateway,
                          Article9ConditionType article9) {

    /** Categories that are special category data (UK GDPR Art 9) whatever their values. */
    public static final Set<DataCategoryType> SPECIAL = Set.of(DataCategoryType.MENTAL_HEALTH, DataCategoryType.SUBSTANCE_MISUSE,
            DataCategoryType.PHYSICAL_HEALTH);

    public SharingTerm {
        categories = Set.copyOf(categories);
        if (categories.isEmpty() || article6 == null || gateway == null) {
            throw new IllegalArgumentException("a sharing term names its categories, its Article 6 basis and its statutory gateway");
        }
        if (article9 == null && categories.stream().anyMatch(SPECIAL::contains)) {
            throw new IllegalArgumentException("categories " + categories + " include special category data and need an Article 9 condition");
        }
    }

    /** The basis as the audit records it, e.g. PUBLIC_TASK/CRIME_AND_DISORDER_ACT_1998_S115. */
    public String lawfulBasis() {
        return article6.value() + "/" + gateway.value() + (article9 == null ? "" : "/" + article9.value());
    }
}
