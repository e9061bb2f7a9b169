package org.familygateway.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * What the crash harness sends: each share and each withdrawal about a family an earlier referral
 * meant to be accepted referred, consent given again only for a family that withdrew it before, no
 * share about a family whose consent is withdrawn, and every kind in its proportion.
 */
class MixTest {

    private final CrashHarness.Mix mix = new CrashHarness.Mix(5, 50, 10, 100, 200);

    @Test
    void shares_and_withdrawals_are_about_families_referred_before_them_and_no_share_is_about_a_withdrawn_family() {
        Map<Integer, Integer> referredBy = new HashMap<>();
        Set<Integer> withdrawn = new HashSet<>();
        Set<Integer> given = new HashSet<>();
        Set<Integer> shared = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Partners.Kind kind = mix.kind(i);
            int family = mix.family(i);
            switch (kind) {
                case INFORMATION_SHARE -> {
                    assertThat(mix.bySftp(i)).as("the police share by SFTP").isTrue();
                    assertThat(referredBy).as("the family of share %d was referred before it", i).containsKey(family);
                    shared.add(family);
                }
                case CONSENT_WITHDRAWN -> {
                    assertThat(mix.bySftp(i)).as("the school withdraws by SOAP").isFalse();
                    assertThat(referredBy.get(family)).as("the family of withdrawal %d was referred by the school, by SOAP", i)
                            .isNotNull().satisfies(j -> assertThat(mix.bySftp(j)).isFalse());
                    assertThat(withdrawn.add(family)).as("one withdrawal per family").isTrue();
                }
                case CONSENT_GIVEN -> {
                    assertThat(mix.bySftp(i)).as("the school gives consent again by SOAP").isFalse();
                    assertThat(withdrawn).as("the family of consent given again %d withdrew before it", i).contains(family);
                    assertThat(given.add(family)).as("consent given again once per family").isTrue();
                }
                default -> {
                    assertThat(family).as("a referral is about a family of its own").isEqualTo(i + 1);
                    if (kind == Partners.Kind.GOOD) {
                        referredBy.put(family, i);
                    }
                }
            }
        }
        assertThat(shared).doesNotContainAnyElementsOf(withdrawn);
        assertThat(given).hasSizeBetween(45, 49).allSatisfy(f -> assertThat(withdrawn).contains(f));
    }

    @Test
    void the_ten_thousand_are_mostly_referrals_with_a_share_in_ten_a_withdrawal_in_a_hundred_consent_again_in_two_hundred_and_a_refusal_in_fifty_of_each_kind() {
        Map<Partners.Kind, Long> counts = new HashMap<>();
        IntStream.range(0, 10_000).forEach(i -> counts.merge(mix.kind(i), 1L, Long::sum));
        assertThat(counts.get(Partners.Kind.CONCERN_IN_THE_FUTURE)).isEqualTo(100);
        assertThat(counts.get(Partners.Kind.POSTCODE_NOT_ISSUED)).isEqualTo(100);
        // a place taken by a refusal stays a refusal; the first block has neither shares nor withdrawals
        assertThat(counts.get(Partners.Kind.INFORMATION_SHARE)).isBetween(970L, 999L);
        assertThat(counts.get(Partners.Kind.CONSENT_WITHDRAWN)).isBetween(95L, 99L);
        assertThat(counts.get(Partners.Kind.CONSENT_GIVEN)).isBetween(45L, 49L);
        assertThat(counts.get(Partners.Kind.GOOD)).isEqualTo(10_000 - 200 - counts.get(Partners.Kind.INFORMATION_SHARE)
                - counts.get(Partners.Kind.CONSENT_WITHDRAWN) - counts.get(Partners.Kind.CONSENT_GIVEN));
    }

    @Test
    void refusals_come_by_both_channels() {
        assertThat(IntStream.range(0, 10_000).filter(i -> mix.kind(i).expected() != null).map(i -> mix.bySftp(i) ? 1 : 0).distinct())
                .containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void with_none_of_a_kind_every_other_message_is_a_referral() {
        CrashHarness.Mix referralsOnly = new CrashHarness.Mix(5, 50, 0, 0, 200);
        assertThat(IntStream.range(0, 1_000).mapToObj(referralsOnly::kind))
                .doesNotContain(Partners.Kind.INFORMATION_SHARE, Partners.Kind.CONSENT_WITHDRAWN, Partners.Kind.CONSENT_GIVEN);
    }
}
