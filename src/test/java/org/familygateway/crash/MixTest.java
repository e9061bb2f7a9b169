package org.familygateway.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What the crash harness sends: each share about a family whose referral is meant to be accepted, and every kind in its share. */
class MixTest {

    private final CrashHarness.Mix mix = new CrashHarness.Mix(5, 50, 10);

    @Test
    void every_share_is_about_a_family_an_earlier_message_refers_and_means_to_be_accepted() {
        Map<Integer, Partners.Kind> referrals = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            Partners.Kind kind = mix.kind(i);
            if (kind == Partners.Kind.INFORMATION_SHARE) {
                assertThat(referrals.get(mix.family(i))).as("the family of share %d", i).isEqualTo(Partners.Kind.GOOD);
            } else {
                assertThat(mix.family(i)).as("a referral is about a family of its own").isEqualTo(i + 1);
                referrals.put(mix.family(i), kind);
            }
        }
    }

    @Test
    void the_ten_thousand_are_mostly_referrals_with_a_share_in_ten_and_a_refusal_in_fifty_of_each_kind() {
        Map<Partners.Kind, Long> counts = new HashMap<>();
        IntStream.range(0, 10_000).forEach(i -> counts.merge(mix.kind(i), 1L, Long::sum));
        assertThat(counts.get(Partners.Kind.CONCERN_IN_THE_FUTURE)).isEqualTo(100);
        assertThat(counts.get(Partners.Kind.POSTCODE_NOT_ISSUED)).isEqualTo(100);
        // a share's place taken by a refusal stays a refusal
        assertThat(counts.get(Partners.Kind.INFORMATION_SHARE)).isBetween(980L, 1000L);
        assertThat(counts.get(Partners.Kind.GOOD)).isEqualTo(10_000 - 200 - counts.get(Partners.Kind.INFORMATION_SHARE));
    }

    @Test
    void refusals_come_by_both_channels() {
        assertThat(IntStream.range(0, 10_000).filter(i -> mix.kind(i).expected() != null).map(i -> i % mix.sftpEvery() == 0 ? 1 : 0).distinct())
                .containsExactlyInAnyOrder(0, 1);
    }
}
