package org.familygateway.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void a_password_is_kept_as_a_salted_argon2id_hash_that_only_it_matches() {
        String first = hasher.hash("a long enough password".toCharArray());
        String second = hasher.hash("a long enough password".toCharArray());

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("a long enough password");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("a long enough password".toCharArray(), first)).isTrue();
        assertThat(hasher.matches("a long enough passworD".toCharArray(), first)).isFalse();
        assertThat(hasher.matches("a long enough password".toCharArray(), "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA")).isFalse();
    }
}
