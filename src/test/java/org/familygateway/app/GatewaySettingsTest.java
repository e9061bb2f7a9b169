package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.familygateway.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsTest {

    @TempDir
    Path folder;

    @Test
    void the_example_deployment_loads_with_paths_relative_to_its_folder() {
        GatewaySettings settings = GatewaySettings.load(Project.config(), Map.of());
        assertThat(settings.soap().port()).isEqualTo(8443);
        assertThat(settings.sftp().port()).isEqualTo(2222);
        assertThat(settings.broker().port()).isEqualTo(61616);
        assertThat(settings.broker().embedded()).isTrue();
        assertThat(settings.dataDir()).isEqualTo(Project.ROOT.resolve("data"));
        assertThat(settings.soap().tlsCertificate()).isEqualTo(Project.certs().resolve("gateway/tls.crt"));
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:").contains("AUTO_SERVER=TRUE");
    }

    @Test
    void overrides_replace_single_values() {
        GatewaySettings settings = GatewaySettings.load(Project.config(), Map.of("soap.port", "9443", "database.url", "jdbc:postgresql://db/gw"));
        assertThat(settings.soap().port()).isEqualTo(9443);
        assertThat(settings.soap().host()).isEqualTo("127.0.0.1");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db/gw");
    }

    @Test
    void a_missing_file_and_bad_values_are_named_at_start_up() throws Exception {
        assertThatThrownBy(() -> GatewaySettings.load(folder, Map.of())).hasMessageContaining("no gateway settings");

        Files.copy(Project.config().resolve("gateway.yaml"), folder.resolve("gateway.yaml"));
        assertThatThrownBy(() -> GatewaySettings.load(folder, Map.of("soap.port", "70000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("soap.port must be between 1 and 65535")
                .hasMessageContaining("trustAnchors: cannot read");
    }

    @Test
    void the_household_step_settings_are_read_and_bad_ones_named() {
        GatewaySettings settings = GatewaySettings.load(Project.config(), Map.of());
        assertThat(settings.eligibility().ruleSet()).endsWith(Path.of("eligibility", "national-2012.yaml"));
        assertThat(settings.eligibility().reviewInterval()).hasMinutes(60);
        assertThat(settings.matching().settings()).isEqualTo(org.familygateway.matching.MatchSettings.DEFAULTS);

        assertThatThrownBy(() -> GatewaySettings.load(Project.config(), Map.of("eligibility.ruleSet", "eligibility/nowhere.yaml",
                "matching.newPersonBelow", "40", "eligibility.reviewEveryMinutes", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eligibility.ruleSet: cannot read")
                .hasMessageContaining("matching: matching thresholds: newPersonBelow (40.0) must not exceed linkAbove (30.0)")
                .hasMessageContaining("eligibility.reviewEveryMinutes must be positive");
    }

    @Test
    void an_unknown_setting_is_an_error_not_silently_ignored() {
        assertThatThrownBy(() -> GatewaySettings.load(Project.config(), Map.of("soap.prot", "1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("prot");
    }

    @Test
    void secrets_come_from_the_environment_and_a_missing_one_is_named() throws Exception {
        Path file = folder.resolve("partners.yaml");
        Files.writeString(file, "partners:\n  - id: ${FG_TEST_SURELY_UNSET_VARIABLE}\n");
        assertThatThrownBy(() -> PartnersFile.load(file)).hasMessageContaining("FG_TEST_SURELY_UNSET_VARIABLE");
    }

    @Test
    void the_example_partners_load_with_their_certificates_and_keys() {
        var partners = PartnersFile.load(Project.config().resolve("partners.yaml"));
        assertThat(partners.all()).extracting(p -> p.id())
                .containsExactly("example-school", "example-police", "example-housing", "example-jobcentre",
                        "example-childrens-services", "example-health", "example-probation");
        assertThat(partners.all()).allSatisfy(p -> {
            assertThat(p.signingCertificates()).hasSize(1);
            assertThat(p.sshKeys()).hasSize(1);
        });
    }
}
