package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.familygateway.agreement.Agreement;
import org.familygateway.agreement.Agreements;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example agreements load and cover what the example partners send; a bad file names itself. */
class AgreementsFolderTest {

    @TempDir
    Path folder;

    @Test
    void the_example_agreements_cover_every_example_partner() {
        List<Agreement> loaded = new AgreementsFolder(Project.config().resolve("agreements")).load();
        Agreements agreements = new Agreements(loaded);
        LocalDate day = LocalDate.of(2026, 11, 23);

        assertThat(loaded).extracting(Agreement::id).containsExactlyInAnyOrder("example-family-support", "example-health-and-care");
        for (String partner : List.of("example-school", "example-police", "example-housing", "example-childrens-services",
                "example-health", "example-probation")) {
            assertThat(agreements.cover(partner, DataCategoryType.REFERRAL, null, day).covered()).as(partner).isTrue();
        }
        assertThat(agreements.cover("example-jobcentre", DataCategoryType.BENEFITS, null, day).lawfulBasis())
                .isEqualTo("PUBLIC_TASK/WELFARE_REFORM_ACT_2012_S131");
        assertThat(agreements.cover("example-police", DataCategoryType.OFFENCES, null, day).agreement().id()).isEqualTo("example-family-support");
        assertThat(agreements.cover("example-jobcentre", DataCategoryType.MENTAL_HEALTH, null, day).covered()).isFalse();
        assertThat(agreements.allowedTo(RecipientType.FAMILY_TEAM, day)).contains(DataCategoryType.ATTENDANCE, DataCategoryType.MENTAL_HEALTH);
    }

    @Test
    void a_file_with_an_unknown_code_is_refused_naming_the_file() throws IOException {
        Files.writeString(folder.resolve("broken.yaml"), Files.readString(Project.config().resolve("agreements/example-family-support.yaml"))
                .replace("WELFARE_REFORM_ACT_2012_S131", "WELFARE_REFORM_ACT_2099"));

        assertThatThrownBy(() -> new AgreementsFolder(folder).load()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("WELFARE_REFORM_ACT_2099");
    }

    @Test
    void the_version_changes_when_a_file_changes() throws IOException {
        AgreementsFolder agreements = new AgreementsFolder(folder);
        Object empty = agreements.version();
        Files.writeString(folder.resolve("a.yaml"), "id: a\n");

        assertThat(agreements.version()).isNotEqualTo(empty);
        assertThat(new AgreementsFolder(folder).version()).isEqualTo(agreements.version());
    }
}
