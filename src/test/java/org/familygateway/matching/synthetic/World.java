package org.familygateway.matching.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.familygateway.matching.AgencyRecord.Gender;

/**
 * A synthetic population with known truth: families of one or two adults and up to four children
 * (some with twins), each at a home that may change during the period the agencies observe, and a
 * few people with a namesake in another family (same name, birth date and gender, nothing else in
 * common). The same seed always makes the same world.
 */
public final class World {

    /** The period the agencies' records fall in. */
    static final LocalDate START = LocalDate.of(2019, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    private final Random random;
    private final NoiseProfile profile;
    private final Addresses addresses;
    private final List<Family> families = new ArrayList<>();
    private final List<int[]> namesakePairs = new ArrayList<>();
    private final List<int[]> twinPairs = new ArrayList<>();
    private int nextPerson = 1;

    private World(long seed, NoiseProfile profile, int expectedPeople) {
        this.random = new Random(seed);
        this.profile = profile;
        this.addresses = new Addresses(random, expectedPeople);
    }

    /** A world of at least this many people. */
    public static World of(long seed, NoiseProfile profile, int people) {
        World world = new World(seed, profile, people);
        while (world.nextPerson <= people) {
            world.addFamily();
        }
        return world;
    }

    public List<Family> families() {
        return Collections.unmodifiableList(families);
    }

    public int people() {
        return nextPerson - 1;
    }

    /** Pairs of person ids that are namesakes of each other. */
    public List<int[]> namesakePairs() {
        return namesakePairs;
    }

    /** Pairs of person ids that are twins. */
    public List<int[]> twinPairs() {
        return twinPairs;
    }

    private void addFamily() {
        int familyId = families.size() + 1;
        String surname = NameLists.SURNAMES.pick(random);
        List<TruePerson> members = new ArrayList<>();
        LocalDate motherBirth = date(1965, 2001);
        members.add(person(familyId, Gender.FEMALE, surname, motherBirth));
        if (random.nextDouble() < 0.6) {
            String fatherSurname = random.nextDouble() < 0.7 ? surname : NameLists.SURNAMES.pick(random);
            members.add(person(familyId, Gender.MALE, fatherSurname, motherBirth.plusDays(random.nextInt(3650) - 1500)));
        }
        String childSurname = random.nextDouble() < 0.05 ? surname + "-" + NameLists.SURNAMES.pick(random) : surname;
        int children = pickChildren();
        for (int i = 0; i < children; i++) {
            LocalDate birth = motherBirth.plusYears(18 + random.nextInt(24)).plusDays(random.nextInt(365));
            if (birth.isAfter(END)) {
                continue;
            }
            Gender gender = random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
            TruePerson child = person(familyId, gender, childSurname, birth);
            members.add(child);
            if (random.nextDouble() < profile.twins()) {
                TruePerson twin = person(familyId, random.nextBoolean() ? Gender.FEMALE : Gender.MALE, childSurname, birth);
                if (!twin.forename().equals(child.forename())) {
                    members.add(twin);
                    twinPairs.add(new int[] {child.id(), twin.id()});
                }
            }
        }
        families.add(new Family(familyId, List.copyOf(members), homes()));
        for (TruePerson member : List.copyOf(members)) {
            if (random.nextDouble() < profile.namesakes()) {
                addNamesakeOf(member);
            }
        }
    }

    private void addNamesakeOf(TruePerson original) {
        int familyId = families.size() + 1;
        TruePerson namesake = new TruePerson(nextPerson++, familyId, original.forename(), null, original.surname(),
                original.birthDate(), original.gender(), upn(), ni(), nhs());
        families.add(new Family(familyId, List.of(namesake), homes()));
        namesakePairs.add(new int[] {original.id(), namesake.id()});
    }

    private List<Family.Home> homes() {
        List<Family.Home> homes = new ArrayList<>();
        homes.add(new Family.Home(addresses.next(), LocalDate.of(2010, 1, 1)));
        if (random.nextDouble() < profile.familyMoves()) {
            LocalDate moved = date(2019, 2025);
            homes.add(new Family.Home(addresses.next(), moved));
            if (random.nextDouble() < 0.2 && moved.isBefore(LocalDate.of(2025, 1, 1))) {
                homes.add(new Family.Home(addresses.next(), moved.plusDays(90 + random.nextInt(300))));
            }
        }
        return List.copyOf(homes);
    }

    private TruePerson person(int familyId, Gender gender, String surname, LocalDate birth) {
        NameLists forenames = gender == Gender.FEMALE ? NameLists.FEMALE : NameLists.MALE;
        String forename = forenames.pick(random);
        String middle = random.nextDouble() < 0.5 ? forenames.pick(random) : null;
        int id = nextPerson++;
        return new TruePerson(id, familyId, forename, middle, surname, birth, gender, upn(id), ni(id), nhs(id));
    }

    private int pickChildren() {
        double draw = random.nextDouble();
        return draw < 0.15 ? 0 : draw < 0.40 ? 1 : draw < 0.70 ? 2 : draw < 0.88 ? 3 : 4;
    }

    private LocalDate date(int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        return from.plusDays(random.nextInt((int) (LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay())));
    }

    private String upn() {
        return upn(nextPerson - 1);
    }

    private String ni() {
        return ni(nextPerson - 1);
    }

    private String nhs() {
        return nhs(nextPerson - 1);
    }

    static String upn(int id) {
        return String.format("A%011d0", id);
    }

    static String ni(int id) {
        String letters = "ABCEGHJKLMNPRSTWXYZ";
        return "" + letters.charAt(id / 1_000_000 % letters.length()) + letters.charAt(id / 19_000_000 % letters.length())
                + String.format("%06d", id % 1_000_000) + "A";
    }

    static String nhs(int id) {
        return String.format("9%09d", id);
    }
}
