package org.familygateway.matching.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.AgencyRecord.Gender;
import org.familygateway.matching.AgencyRecord.LocalId;

/**
 * The agencies' extracts of a synthetic world, each seeing part of each family with its own local
 * ids and its own habits:
 * <ul>
 * <li>the school: pupils aged 4 to 16, with UPN, its MIS id, a UPRN half the time, twice a year;</li>
 * <li>the police: one person in seven aged 10 or more, by its Niche id, with an NI number for a
 *     third of adults, rarely a UPRN;</li>
 * <li>housing: two families in five (its tenants), everyone in them, by tenancy id, UPRN nearly
 *     always, an NI number for half the adults, at each move;</li>
 * <li>Jobcentre Plus: half the adults, by NI number, no UPRN;</li>
 * <li>health: a person in four, by NHS number;</li>
 * <li>referrals: one family in ten, the whole household declared together.</li>
 * </ul>
 * Every record takes the slips of the noise profile; UPN, NI and NHS numbers go missing at its rate
 * (an agency always has its own local id).
 */
public final class Agencies {

    private final Random random;
    private final Noise noise;
    private final NoiseProfile profile;
    private final List<LabelledRecord> records = new ArrayList<>();
    private int referrals;

    private Agencies(long seed, NoiseProfile profile) {
        this.random = new Random(seed);
        this.noise = new Noise(random, profile);
        this.profile = profile;
    }

    /** Every agency's records about the world, in the order of the dates they are true from. */
    public static List<LabelledRecord> extracts(World world, long seed, NoiseProfile profile) {
        return extracts(world.families(), seed, profile);
    }

    /** The records about some of the families only. */
    public static List<LabelledRecord> extracts(List<Family> families, long seed, NoiseProfile profile) {
        Agencies agencies = new Agencies(seed, profile);
        for (Family family : families) {
            agencies.observe(family);
        }
        agencies.records.sort(Comparator.comparing((LabelledRecord r) -> r.record().effectiveFrom()));
        return agencies.records;
    }

    private void observe(Family family) {
        boolean tenants = random.nextDouble() < 0.4;
        for (TruePerson person : family.members()) {
            for (int i = 0; i < 2; i++) {
                LocalDate on = dateIn();
                int age = person.ageOn(on);
                if (age >= 4 && age <= 16) {
                    add("example-school", family, person, on, new Ids(person.upn(), null, null, new LocalId("school-mis", "S" + person.id())), 0.5, null);
                }
            }
            if (person.ageOn(World.END) >= 10 && random.nextDouble() < 1.0 / 7) {
                LocalDate on = bornBy(person, dateIn());
                boolean adult = person.ageOn(on) >= 16;
                add("example-police", family, person, on,
                        new Ids(null, adult && random.nextDouble() < 0.33 ? person.niNumber() : null, null,
                                new LocalId("police-niche", "N" + person.id())), 0.1, null);
            }
            if (tenants) {
                for (Family.Home home : family.homes()) {
                    LocalDate on = bornBy(person, max(home.from(), World.START).plusDays(random.nextInt(60)));
                    boolean adult = person.ageOn(on) >= 16;
                    add("example-housing", family, person, on, new Ids(null, adult && random.nextBoolean() ? person.niNumber() : null, null,
                            new LocalId("housing", "T" + family.id() + "-" + person.id())), 0.9, null);
                }
            }
            if (person.ageOn(World.END) >= 18 && random.nextBoolean()) {
                for (int i = 0; i < 1 + random.nextInt(2); i++) {
                    LocalDate on = bornBy(person, dateIn());
                    add("example-jobcentre", family, person, on, new Ids(null, person.niNumber(), null, null), 0, null);
                }
            }
            if (random.nextDouble() < 0.25) {
                add("example-health", family, person, bornBy(person, dateIn()), new Ids(null, null, person.nhsNumber(), null), 0.3, null);
            }
        }
        if (random.nextDouble() < 0.1) {
            LocalDate on = dateIn();
            String household = "example-school/referral-" + (++referrals);
            for (TruePerson person : family.members()) {
                if (person.bornBy(on)) {
                    boolean adult = person.ageOn(on) >= 16;
                    add("example-school", family, person, on, new Ids(adult ? null : random.nextDouble() < 0.7 ? person.upn() : null,
                            adult && random.nextBoolean() ? person.niNumber() : null, random.nextBoolean() ? person.nhsNumber() : null,
                            null), 0.6, household);
                }
            }
        }
    }

    private record Ids(String upn, String ni, String nhs, LocalId localId) {
    }

    private void add(String partner, Family family, TruePerson person, LocalDate on, Ids ids, double uprnRate, String household) {
        if (!person.bornBy(on)) {
            return;
        }
        Family.Address address = family.homeOn(on, noise.chance(profile.staleAddress()));
        String forename = noise.forename(person);
        String surname = noise.surname(person);
        if (noise.chance(profile.transposedNames())) {
            String swap = forename;
            forename = surname;
            surname = swap;
        }
        Gender gender = noise.chance(profile.genderUnknown()) ? Gender.NOT_KNOWN : person.gender();
        AgencyRecord record = new AgencyRecord(partner, ids.localId(), forename, random.nextBoolean() ? person.middleNames() : null,
                surname, noise.birthDate(person.birthDate()), gender, kept(ids.upn()), kept(ids.ni()), kept(ids.nhs()),
                List.of(noise.addressLine(address.line()), address.town()), address.postcode(),
                random.nextDouble() < uprnRate ? address.uprn() : null, on, household);
        records.add(new LabelledRecord(record, person.id()));
    }

    private <T> T kept(T identifier) {
        return identifier == null || noise.chance(profile.identifierMissing()) ? null : identifier;
    }

    private LocalDate dateIn() {
        return World.START.plusDays(random.nextInt((int) (World.END.toEpochDay() - World.START.toEpochDay())));
    }

    private static LocalDate bornBy(TruePerson person, LocalDate date) {
        return person.bornBy(date) ? date : person.birthDate().plusDays(30);
    }

    private static LocalDate max(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }
}
