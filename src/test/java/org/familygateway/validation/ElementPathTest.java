package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElementPathTest {

    private final ElementPath path = new ElementPath();

    @Test
    void same_named_siblings_are_numbered_even_with_others_between_them() {
        path.enter("Referral");
        path.enter("Household");
        for (String child : new String[] {"Member", "Address", "Member"}) {
            path.enter(child);
            path.leave();
        }
        path.enter(new String("Member".toCharArray()));   // equal, not the same object
        path.enter("Name");
        assertThat(path.current()).isEqualTo("/Referral/Household/Member[3]/Name");
        path.leave();
        path.leave();
        path.leave();
        path.enter("Household");
        path.enter("Member");
        assertThat(path.current()).as("a new parent counts its children afresh").isEqualTo("/Referral/Household[2]/Member");
    }

    @Test
    void a_deep_path_and_a_new_document() {
        for (int i = 0; i < 40; i++) {
            path.enter("E" + (i % 3));
        }
        assertThat(path.depth()).isEqualTo(40);
        assertThat(path.current()).startsWith("/E0/E1/E2/E0").endsWith("/E0");
        path.reset();
        assertThat(path.current()).isEqualTo("/");
        path.enter("E0");
        assertThat(path.current()).as("the new document's root is the first of its name").isEqualTo("/E0");
    }
}
