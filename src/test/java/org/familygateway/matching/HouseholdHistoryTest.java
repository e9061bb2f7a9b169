package org.familygateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.familygateway.matching.HouseholdHistory.Membership;
import org.junit.jupiter.api.Test;

class HouseholdHistoryTest {

    private static final Someone LEO = Someone.named("Leo", "Walker").born("2012-08-30");
    private final Map<String, Long> households = Map.of("3 old road", 1L, "77 new close", 2L);

    @Test
    void a_move_ends_the_old_household_the_day_the_new_one_starts() {
        List<Membership> history = history(
                LEO.livingAt("77 New Close", "NR5 9ZZ").since("2025-03-01"),
                LEO.livingAt("3 Old Road", "NR2 1AA").since("2020-09-01"));
        assertThat(history).containsExactly(
                new Membership(1, LocalDate.of(2020, 9, 1), LocalDate.of(2025, 3, 1), HouseholdHistory.ADDRESS),
                new Membership(2, LocalDate.of(2025, 3, 1), null, HouseholdHistory.ADDRESS));
    }

    @Test
    void records_repeating_the_same_address_keep_one_membership_from_the_first() {
        List<Membership> history = history(
                LEO.livingAt("3 Old Road", "NR2 1AA").since("2020-09-01"),
                LEO.livingAt("3 Old Road", "NR2 1AA").since("2023-01-10"));
        assertThat(history).containsExactly(new Membership(1, LocalDate.of(2020, 9, 1), null, HouseholdHistory.ADDRESS));
    }

    @Test
    void a_referral_declaring_the_household_gives_a_declared_membership() {
        List<Membership> history = history(LEO.livingAt("3 Old Road", "NR2 1AA").since("2024-05-01").declaredIn("school/ref-1"));
        assertThat(history).singleElement().extracting(Membership::basis).isEqualTo(HouseholdHistory.DECLARED);
    }

    @Test
    void moving_back_opens_a_new_spell_in_the_first_household() {
        List<Membership> history = history(
                LEO.livingAt("3 Old Road", "NR2 1AA").since("2020-09-01"),
                LEO.livingAt("77 New Close", "NR5 9ZZ").since("2022-01-01"),
                LEO.livingAt("3 Old Road", "NR2 1AA").since("2024-01-01"));
        assertThat(history).extracting(Membership::householdId).containsExactly(1L, 2L, 1L);
        assertThat(history.get(2).to()).isNull();
    }

    private List<Membership> history(Someone... records) {
        List<Profile> profiles = java.util.Arrays.stream(records).map(Someone::profile).toList();
        return HouseholdHistory.of(profiles, premises -> households.get(premises.firstLine()));
    }
}
