package org.familygateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.familygateway.model.Pseudonyms.Kind;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private final Pseudonyms pseudonyms = new Pseudonyms(key(1));

    @Test
    void the_same_identifier_always_gives_the_same_pseudonym_whatever_its_spacing_or_case() {
        assertThat(pseudonyms.of(Kind.NI_NUMBER, "AB 12 34 56 C")).isEqualTo(pseudonyms.of(Kind.NI_NUMBER, "ab123456c"))
                .startsWith("ps_").hasSize(35).doesNotContain("AB123456C");
    }

    @Test
    void kinds_and_keys_keep_pseudonyms_apart() {
        assertThat(pseudonyms.of(Kind.UPN, "1234567890")).isNotEqualTo(pseudonyms.of(Kind.NHS_NUMBER, "1234567890"));
        assertThat(new Pseudonyms(key(2)).of(Kind.UPN, "X")).isNotEqualTo(pseudonyms.of(Kind.UPN, "X"));
        assertThat(pseudonyms.ofLocalId("school-mis", "1")).isNotEqualTo(pseudonyms.ofLocalId("police-niche", "1"));
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> new Pseudonyms(new byte[16])).hasMessageContaining("32 bytes");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
