package org.familygateway.matching.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.familygateway.matching.AgencyRecord;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {

    private final World world = World.of(7, NoiseProfile.DEFAULT, 3000);
    private final List<LabelledRecord> records = Agencies.extracts(world, 7, NoiseProfile.DEFAULT);

    @Test
    void the_same_seed_makes_the_same_extracts() {
        List<LabelledRecord> again = Agencies.extracts(World.of(7, NoiseProfile.DEFAULT, 3000), 7, NoiseProfile.DEFAULT);
        assertThat(again).isEqualTo(records);
        assertThat(Agencies.extracts(World.of(8, NoiseProfile.DEFAULT, 3000), 8, NoiseProfile.DEFAULT)).isNotEqualTo(records);
    }

    @Test
    void families_have_several_members_and_some_move_house() {
        assertThat(world.people()).isGreaterThanOrEqualTo(3000);
        double averageSize = world.families().stream().mapToInt(f -> f.members().size()).average().orElse(0);
        assertThat(averageSize).isBetween(2.0, 4.0);
        long movers = world.families().stream().filter(f -> f.homes().size() > 1).count();
        assertThat(movers).isGreaterThan(world.families().size() / 5);
    }

    @Test
    void each_agency_sees_part_of_a_family_with_its_own_local_ids_and_missing_identifiers() {
        Map<String, List<AgencyRecord>> byPartner = records.stream().map(LabelledRecord::record)
                .collect(Collectors.groupingBy(AgencyRecord::sourcePartner));
        assertThat(byPartner).containsKeys("example-school", "example-police", "example-housing", "example-jobcentre", "example-health");
        assertThat(byPartner.get("example-police")).allSatisfy(r -> assertThat(r.localId().system()).isEqualTo("police-niche"));
        assertThat(byPartner.get("example-jobcentre")).anySatisfy(r -> assertThat(r.niNumber()).isNull());
        assertThat(byPartner.get("example-school")).anySatisfy(r -> assertThat(r.declaredHousehold()).isNotNull());
    }

    @Test
    void the_records_carry_the_slips_of_the_noise_profile() {
        Map<Integer, TruePerson> truth = new HashMap<>();
        world.families().forEach(f -> f.members().forEach(p -> truth.put(p.id(), p)));
        long wrongBirthDates = records.stream().filter(r -> !r.record().dateOfBirth().equals(truth.get(r.truthId()).birthDate())).count();
        long otherForenames = records.stream().filter(r -> !r.record().forename().equals(truth.get(r.truthId()).forename())).count();
        assertThat(wrongBirthDates).isBetween(records.size() / 100L, records.size() / 15L);
        assertThat(otherForenames).isBetween(records.size() / 30L, records.size() / 5L);
    }

    @Test
    void there_are_twins_and_namesakes_who_share_name_and_birth_date_but_nothing_else() {
        Map<Integer, TruePerson> truth = new HashMap<>();
        world.families().forEach(f -> f.members().forEach(p -> truth.put(p.id(), p)));
        assertThat(world.twinPairs()).isNotEmpty().allSatisfy(pair -> {
            TruePerson one = truth.get(pair[0]);
            TruePerson other = truth.get(pair[1]);
            assertThat(one.birthDate()).isEqualTo(other.birthDate());
            assertThat(one.forename()).isNotEqualTo(other.forename());
            assertThat(one.familyId()).isEqualTo(other.familyId());
        });
        assertThat(world.namesakePairs()).isNotEmpty().allSatisfy(pair -> {
            TruePerson one = truth.get(pair[0]);
            TruePerson other = truth.get(pair[1]);
            assertThat(Set.of(one.forename() + one.surname() + one.birthDate())).containsExactly(other.forename() + other.surname() + other.birthDate());
            assertThat(one.familyId()).isNotEqualTo(other.familyId());
            assertThat(one.niNumber()).isNotEqualTo(other.niNumber());
        });
    }
}
