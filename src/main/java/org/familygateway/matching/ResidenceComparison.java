package org.familygateway.matching;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares where a record says a person lives with everywhere the candidate has lived: the same
 * premises (UPRN, or the same house number and a closely similar first line in the same postcode);
 * a household tie (someone who has shared a household with the candidate has lived at the record's
 * address, as when a family moves and the mother's benefit claim already shows the new address);
 * or the same postcode, sector, district, or none of these.
 */
final class ResidenceComparison {

    private static final double SAME_LINE = 0.9;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final CandidateIndex index;

    ResidenceComparison(CandidateIndex index) {
        this.index = index;
    }

    /** The level, or null when the record gives no address. */
    Evidence compare(Profile record, Neighbourhood neighbourhood, IndexedPerson candidate) {
        Premises premises = record.premises();
        if (!premises.known()) {
            return null;
        }
        if (samePremises(premises, candidate)) {
            return Evidence.SAME_PREMISES;
        }
        if (neighbourhood.tiedTo(candidate)) {
            return Evidence.HOUSEHOLD_TIE;
        }
        Evidence best = Evidence.DIFFERENT_AREA;
        for (Profile profile : candidate.profiles()) {
            Evidence level = postcodes(premises, profile.premises());
            if (level.weight() > best.weight()) {
                best = level;
            }
        }
        return best;
    }

    /** Calls back for everyone else who has lived where the candidate lived (or shared a declared household). */
    void coResidents(IndexedPerson candidate, java.util.function.Consumer<IndexedPerson> action) {
        for (String place : candidate.places()) {
            index.residentsOf(place, resident -> {
                if (resident != candidate) {
                    action.accept(resident);
                }
            });
        }
    }

    private static boolean samePremises(Premises premises, IndexedPerson candidate) {
        if (premises.uprnKey() != null && candidate.places().contains(premises.uprnKey())
                || premises.addressKey() != null && candidate.places().contains(premises.addressKey())) {
            return true;
        }
        for (Profile profile : candidate.profiles()) {
            Premises other = profile.premises();
            if (other.postcode().equals(premises.postcode()) && premises.sameNumber(other)
                    && JARO_WINKLER.apply(other.firstLine(), premises.firstLine()) >= SAME_LINE) {
                return true;
            }
        }
        return false;
    }

    private static Evidence postcodes(Premises one, Premises other) {
        String a = one.postcode();
        String b = other.postcode();
        if (a.isEmpty() || b.isEmpty()) {
            return Evidence.DIFFERENT_AREA;
        }
        if (a.equals(b)) {
            return Evidence.SAME_POSTCODE;
        }
        // the inward code is always a digit and two letters: the sector is all but its letters
        if (a.length() == b.length() && a.length() >= 5) {
            if (a.regionMatches(0, b, 0, a.length() - 2)) {
                return Evidence.SAME_POSTCODE_SECTOR;
            }
            if (a.regionMatches(0, b, 0, a.length() - 3)) {
                return Evidence.SAME_POSTCODE_DISTRICT;
            }
        }
        return one.district().equals(other.district()) ? Evidence.SAME_POSTCODE_DISTRICT : Evidence.DIFFERENT_AREA;
    }
}
