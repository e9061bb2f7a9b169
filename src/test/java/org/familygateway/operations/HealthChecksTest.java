package org.familygateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class HealthChecksTest {

    @Test
    void one_part_down_makes_the_whole_down_and_says_why() {
        HealthChecks.Report report = new HealthChecks()
                .add("broker", Optional::empty)
                .add("database", () -> Optional.of("connection refused \"db\""))
                .run();

        assertThat(report.up()).isFalse();
        assertThat(report.json()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"broker\":{\"status\":\"UP\"},"
                + "\"database\":{\"status\":\"DOWN\",\"problem\":\"connection refused \\\"db\\\"\"}}}\n");
    }

    @Test
    void a_check_that_throws_counts_as_down() {
        HealthChecks.Report report = new HealthChecks().add("sftp", () -> {
            throw new IllegalStateException("boom");
        }).run();

        assertThat(report.up()).isFalse();
        assertThat(report.json()).contains("\"sftp\":{\"status\":\"DOWN\",\"problem\":\"IllegalStateException: boom\"}");
    }
}
