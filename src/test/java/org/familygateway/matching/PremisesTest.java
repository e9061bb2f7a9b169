package org.familygateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PremisesTest {

    @Test
    void an_address_is_compared_by_its_normalised_first_line_and_postcode() {
        Premises written = Premises.of(List.of("12, Example Rd.", "Norwich"), "nr1 2ab", null);
        Premises typed = Premises.of(List.of("12 EXAMPLE ROAD"), "NR12AB", null);
        assertThat(written.addressKey()).isEqualTo("A12 example road|NR12AB").isEqualTo(typed.addressKey());
        assertThat(written.sameNumber(Premises.of(List.of("12 Exampel Road"), "NR1 2AB", null))).isTrue();
        assertThat(written.sameNumber(Premises.of(List.of("120 Example Road"), "NR1 2AB", null))).isFalse();
    }

    @Test
    void the_uprn_names_the_household_when_an_agency_gives_one() {
        Premises premises = Premises.of(List.of("Flat 2, Example House"), "NR1 2AB", "00100090000001");
        assertThat(premises.householdKey()).isEqualTo("U100090000001");
        assertThat(premises.addressKey()).isEqualTo("Aflat 2 example house|NR12AB");
    }

    @Test
    void postcode_sector_and_district_are_its_leading_parts() {
        Premises premises = Premises.of(List.of("1 Long Lane"), "SW1A 1AA", null);
        assertThat(premises.sector()).isEqualTo("SW1A1");
        assertThat(premises.district()).isEqualTo("SW1A");
    }
}
