package org.familygateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceNameTest {

    @TempDir
    Path folder;

    @Test
    void an_instance_keeps_its_name_across_restarts_and_another_data_folder_is_another_instance() {
        String first = InstanceName.of(folder.resolve("one"));
        assertThat(first).startsWith("gateway-");
        assertThat(InstanceName.of(folder.resolve("one"))).isEqualTo(first);
        assertThat(InstanceName.of(folder.resolve("two"))).isNotEqualTo(first);
    }

    @Test
    void an_empty_name_file_is_refused_with_what_to_do() throws Exception {
        Files.createDirectories(folder.resolve("bad"));
        Files.writeString(folder.resolve("bad").resolve("instance.name"), " \n");
        assertThatThrownBy(() -> InstanceName.of(folder.resolve("bad"))).hasMessageContaining("instance.name")
                .hasMessageContaining("delete it");
    }
}
