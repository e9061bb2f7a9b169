package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.SensitivityType;
import org.familygateway.validation.DataCatalogue.DataClass;
import org.familygateway.validation.DataCatalogue.SensitiveField;
import org.junit.jupiter.api.Test;

class DataCatalogueTest {

    private static final DataCatalogue CATALOGUE = DataCatalogue.load();
    private static final List<String> RECORDS = List.of("SchoolAttendance", "SchoolExclusion", "AlternativeProvision", "NotOnRoll",
            "ProvenOffence", "AsbIntervention", "DomesticIncident", "OffenderManagement", "TenancyEnforcement", "RentArrears",
            "HomelessnessDecision", "BenefitSpell", "EmploymentStart", "SocialCareEpisode", "MentalHealthNeed", "SubstanceMisuse",
            "PhysicalHealthNeed", "Custody", "Supervision", "ProfessionalConcern");

    @Test
    void every_record_type_and_submission_declares_its_category_and_sensitivity() {
        assertThat(CATALOGUE.elements()).containsAll(RECORDS).contains("Referral", "ConsentUpdate");
        assertThat(CATALOGUE.elements()).hasSize(RECORDS.size() + 2);
    }

    @Test
    void health_records_are_special_category_and_offence_records_criminal_offence_data() {
        for (String health : List.of("MentalHealthNeed", "SubstanceMisuse", "PhysicalHealthNeed")) {
            assertThat(CATALOGUE.of(health)).get().extracting(DataClass::sensitivity).isEqualTo(SensitivityType.SPECIAL_CATEGORY);
        }
        for (String offence : List.of("ProvenOffence", "DomesticIncident", "Custody", "Supervision", "OffenderManagement")) {
            assertThat(CATALOGUE.of(offence)).get().extracting(DataClass::sensitivity).isEqualTo(SensitivityType.CRIMINAL_OFFENCE);
        }
        assertThat(CATALOGUE.of("SchoolAttendance")).contains(new DataClass(DataCategoryType.ATTENDANCE, SensitivityType.PERSONAL));
        assertThat(CATALOGUE.of("BenefitSpell")).contains(new DataClass(DataCategoryType.BENEFITS, SensitivityType.PERSONAL));
    }

    @Test
    void fields_that_reveal_health_or_sexual_life_are_marked_with_the_values_that_do() {
        assertThat(CATALOGUE.sensitiveFieldsOf("ProvenOffence"))
                .containsExactly(new SensitiveField("SexualOffence", SensitivityType.SPECIAL_CATEGORY, java.util.Set.of("true")));
        assertThat(CATALOGUE.sensitiveFieldsOf("AlternativeProvision")).singleElement()
                .satisfies(f -> assertThat(f.when()).containsExactly("MEDICAL"));
        assertThat(CATALOGUE.sensitiveFieldsOf("BenefitSpell")).singleElement()
                .satisfies(f -> assertThat(f.when()).contains("EMPLOYMENT_AND_SUPPORT_ALLOWANCE", "INCAPACITY_BENEFIT"));
        assertThat(CATALOGUE.sensitiveFieldsOf("SocialCareEpisode")).singleElement()
                .satisfies(f -> assertThat(f.when()).containsExactly("SEXUAL_ABUSE"));
        assertThat(CATALOGUE.sensitiveFieldsOf("SchoolAttendance")).isEmpty();
    }
}
