package org.familygateway.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.matching.AgencyRecord.Gender;

/**
 * Scores a record against one candidate person: the Fellegi-Sunter weight of the best-agreeing of
 * the candidate's records on names, birth date and gender, plus residence against everywhere they
 * have lived; then the rules that no weight overrides:
 * <ul>
 * <li>a strong identifier of the same kind with another value (UPN, NI, NHS number, local id of the
 *     same system) means another person;</li>
 * <li>a candidate already linked to another member of the household the same referral declares is
 *     another person;</li>
 * <li>the same birth date with a different forename, sharing a surname or an address, is a twin (or
 *     a sibling born the same day), never the same person; with a forename that only partly agrees
 *     (a middle name; a name that sounds alike but is more than one slip away, as Lily and Layla;
 *     an initial or a one-slip spelling when the candidate lives with someone born the same day
 *     under another forename) it may be a twin: review at most;</li>
 * <li>without a shared address or household tie (identifiers, if shared, would have linked already),
 *     the same name and birth date may be a namesake: review at most.</li>
 * </ul>
 */
final class PairScorer {


    private final NameComparison names;
    private final ResidenceComparison residence;

    PairScorer(NameComparison names, ResidenceComparison residence) {
        this.names = names;
        this.residence = residence;
    }

    /**
     * The score, or, when the names could not lift it to {@code floor}, a score below the floor
     * with no evidence: names, the dearest part, are compared last and only as far as they matter.
     */
    Score score(Profile record, Neighbourhood neighbourhood, IndexedPerson candidate, double floor) {
        for (Identifier identifier : record.identifiers()) {
            Identifier conflict = candidate.conflictWith(identifier);
            if (conflict != null) {
                return Score.never("conflicting " + identifier.label());
            }
        }
        if (record.declaredHousehold() != null && candidate.places().contains(Places.declared(record.declaredHousehold()))) {
            return Score.never("already another member of the same declared household");
        }
        Evidence where = residence.compare(record, neighbourhood, candidate);
        double whereWeight = where == null ? 0 : where.weight();
        List<Evidence> best = null;
        Profile bestVersion = null;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (Profile version : candidate.profiles()) {
            Evidence birth = BirthDateComparison.compare(record.birthDate(), version.birthDate());
            Evidence gender = gender(record.gender(), version.gender());
            double known = whereWeight + (birth == null ? 0 : birth.weight()) + (gender == null ? 0 : gender.weight());
            List<Evidence> names = this.names.compare(record, version, Math.max(floor, bestWeight) - known);
            if (names != null && sum(names) + known > bestWeight) {
                bestWeight = sum(names) + known;
                bestVersion = version;
                best = new ArrayList<>(names);
                add(best, birth);
                add(best, gender);
                add(best, where);
            }
        }
        if (best == null) {
            return new Score(floor - 1, List.of(), Score.Limit.NONE, "too different");
        }
        return rules(new Score(bestWeight, best, Score.Limit.NONE, null), record, bestVersion, candidate);
    }

    private static void add(List<Evidence> evidence, Evidence level) {
        if (level != null) {
            evidence.add(level);
        }
    }

    /** Name, birth date and gender evidence between two records. */
    List<Evidence> personal(Profile one, Profile other) {
        List<Evidence> evidence = new ArrayList<>(names.compare(one, other));
        Evidence birth = BirthDateComparison.compare(one.birthDate(), other.birthDate());
        if (birth != null) {
            evidence.add(birth);
        }
        Evidence gender = gender(one.gender(), other.gender());
        if (gender != null) {
            evidence.add(gender);
        }
        return evidence;
    }

    private Score rules(Score score, Profile record, Profile version, IndexedPerson candidate) {
        List<Evidence> evidence = score.evidence();
        boolean sameBirth = evidence.contains(Evidence.BIRTH_DATE_SAME) || evidence.contains(Evidence.BIRTH_DAY_AND_MONTH_SWAPPED);
        boolean sameFamily = !evidence.contains(Evidence.SURNAME_DIFFERENT) || evidence.contains(Evidence.SAME_PREMISES)
                || evidence.contains(Evidence.HOUSEHOLD_TIE);
        if (sameBirth && sameFamily) {
            if (evidence.contains(Evidence.FORENAME_DIFFERENT)) {
                return Score.never("same birth date and family but another forename: a twin, not the same person");
            }
            boolean soundsAlike = evidence.contains(Evidence.FORENAME_SIMILAR)
                    && !NameComparison.oneSlipApart(record.forename(), version.forename());
            boolean partly = evidence.contains(Evidence.FORENAME_INITIAL) || evidence.contains(Evidence.FORENAME_SIMILAR);
            if (evidence.contains(Evidence.FORENAME_IS_MIDDLE_NAME) || soundsAlike
                    || partly && livesWithATwin(candidate, record.birthDate())) {
                return score.limitedTo(Score.Limit.REVIEW_ONLY, "forename only partly agrees, and a twin would look the same");
            }
        }
        if (!evidence.contains(Evidence.SAME_PREMISES) && !evidence.contains(Evidence.HOUSEHOLD_TIE)) {
            return score.limitedTo(Score.Limit.REVIEW_ONLY, "no shared identifier or address: could be a namesake");
        }
        return score;
    }

    /** Whether someone born the same day with another forename has lived where the candidate lived. */
    private boolean livesWithATwin(IndexedPerson candidate, LocalDate birthDate) {
        boolean[] twin = {false};
        residence.coResidents(candidate, resident -> {
            for (Profile theirs : resident.profiles()) {
                if (birthDate.equals(theirs.birthDate())
                        && candidate.profiles().stream().allMatch(ours -> names.forename(theirs, ours) == Evidence.FORENAME_DIFFERENT)) {
                    twin[0] = true;
                }
            }
        });
        return twin[0];
    }

    private static Evidence gender(Gender one, Gender other) {
        if (one == Gender.NOT_KNOWN || other == Gender.NOT_KNOWN || one == Gender.OTHER || other == Gender.OTHER) {
            return null;
        }
        return one == other ? Evidence.GENDER_SAME : Evidence.GENDER_DIFFERENT;
    }

    private static double sum(List<Evidence> evidence) {
        double total = 0;
        for (Evidence e : evidence) {
            total += e.weight();
        }
        return total;
    }
}
