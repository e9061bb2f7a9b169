package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * Something an agency told the gateway about a member of the household, or about the household as
 * a whole: a term's attendance, a proven offence, a benefit claim. Facts are what agencies know;
 * indicators are what a rule set makes of them.
 */
public interface Fact {

    /** The member's subject id, or null when the fact is about the household (an assessment, a consent). */
    String subject();

    Source source();

    /** The date that dates the evidence (the family team sees it next to the source). */
    LocalDate date();

    /** One line in plain words, for the family team and the explain command. */
    String summary();

    /** Every date in the fact: when one of them moves into or out of a window, a decision may change. */
    List<LocalDate> dates();
}
