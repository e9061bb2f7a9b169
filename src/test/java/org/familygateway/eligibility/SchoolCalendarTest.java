package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.familygateway.model.v1.TermNameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The English school calendar on the DfE census convention, and "the last three consecutive terms" (seeds analysis §8). */
class SchoolCalendarTest {

    private final SchoolCalendar calendar = SchoolCalendar.DFE_CENSUS;

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({"2008, 2008-03-23", "2011, 2011-04-24", "2012, 2012-04-08", "2013, 2013-03-31", "2014, 2014-04-20",
            "2015, 2015-04-05", "2016, 2016-03-27", "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20",
            "2026, 2026-04-05", "2038, 2038-04-25", "2285, 2285-03-22", "1818, 1818-03-22"})
    void computes_easter_sunday(int year, LocalDate easter) {
        assertThat(SchoolCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void census_terms_run_autumn_from_august_spring_to_easter_sunday_and_summer_from_easter_monday() {
        assertThat(calendar.window(Term.parse("2012/13 autumn"))).isEqualTo(new Period(LocalDate.of(2012, 8, 1), LocalDate.of(2012, 12, 31)));
        assertThat(calendar.window(Term.parse("2012/13 spring"))).isEqualTo(new Period(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 3, 31)));
        assertThat(calendar.window(Term.parse("2012/13 summer"))).isEqualTo(new Period(LocalDate.of(2013, 4, 1), LocalDate.of(2013, 7, 31)));
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({"2013-03-31, 2012/13 spring", "2013-04-01, 2012/13 summer", "2013-07-31, 2012/13 summer",
            "2013-08-01, 2013/14 autumn", "2013-12-31, 2013/14 autumn", "2014-01-01, 2013/14 spring"})
    void every_day_is_in_exactly_one_census_term(LocalDate day, String term) {
        assertThat(SchoolCalendar.censusTermOn(day)).isEqualTo(Term.parse(term));
    }

    @Test
    void on_8_april_2013_the_last_three_completed_terms_run_from_9_april_2012_to_31_march_2013() {
        List<Term> terms = calendar.lastTerms(LocalDate.of(2013, 4, 8), 3, TermWindow.COMPLETED);

        assertThat(terms).extracting(Term::label).containsExactly("spring 2012/13", "autumn 2012/13", "summer 2011/12");
        assertThat(calendar.span(terms, LocalDate.of(2013, 4, 8))).isEqualTo(new Period(LocalDate.of(2012, 4, 9), LocalDate.of(2013, 3, 31)));
    }

    @Test
    void on_1_april_2015_spring_is_still_under_way_so_the_last_completed_terms_end_with_autumn() {
        List<Term> terms = calendar.lastTerms(LocalDate.of(2015, 4, 1), 3, TermWindow.COMPLETED);

        assertThat(terms).extracting(Term::label).containsExactly("autumn 2014/15", "summer 2013/14", "spring 2013/14");
    }

    @Test
    void a_term_that_ends_on_the_day_counts_as_completed() {
        assertThat(calendar.lastTerms(LocalDate.of(2012, 12, 31), 1, TermWindow.COMPLETED)).containsExactly(Term.parse("2012/13 autumn"));
        assertThat(calendar.lastTerms(LocalDate.of(2012, 12, 30), 1, TermWindow.COMPLETED)).containsExactly(Term.parse("2011/12 summer"));
    }

    @Test
    void including_the_current_term_takes_the_term_under_way_and_the_two_before() {
        assertThat(calendar.lastTerms(LocalDate.of(2015, 4, 1), 3, TermWindow.INCLUDING_CURRENT)).extracting(Term::label)
                .containsExactly("spring 2014/15", "autumn 2014/15", "summer 2013/14");
    }

    @Test
    void in_the_summer_holiday_the_summer_term_is_not_yet_complete_under_the_census_convention() {
        assertThat(calendar.lastTerms(LocalDate.of(2013, 8, 20), 3, TermWindow.COMPLETED)).extracting(Term::label)
                .containsExactly("summer 2012/13", "spring 2012/13", "autumn 2012/13");
        assertThat(calendar.lastTerms(LocalDate.of(2013, 7, 30), 3, TermWindow.COMPLETED)).extracting(Term::label)
                .containsExactly("spring 2012/13", "autumn 2012/13", "summer 2011/12");
    }

    @Test
    void consecutive_terms_run_across_academic_years() {
        Term summer = Term.parse("2011/12 summer");

        assertThat(summer.index()).isEqualTo(3 * 2011 + 2);
        assertThat(summer.next()).isEqualTo(new Term(2012, TermNameType.AUTUMN));
        assertThat(summer.next().index()).isEqualTo(summer.index() + 1);
        assertThat(new Term(2012, TermNameType.AUTUMN).previous()).isEqualTo(summer);
    }

    @Test
    void a_council_can_set_its_own_dates_for_a_term() {
        SchoolCalendar own = new SchoolCalendar(Map.of(Term.parse("2012/13 spring"),
                new Period(LocalDate.of(2013, 1, 7), LocalDate.of(2013, 3, 22))));

        assertThat(own.window(Term.parse("2012/13 spring")).to()).isEqualTo(LocalDate.of(2013, 3, 22));
        assertThat(own.lastTerms(LocalDate.of(2013, 3, 25), 1, TermWindow.COMPLETED)).containsExactly(Term.parse("2012/13 spring"));
        assertThat(calendar.lastTerms(LocalDate.of(2013, 3, 25), 1, TermWindow.COMPLETED)).containsExactly(Term.parse("2012/13 autumn"));
    }

    @Test
    void a_councils_dates_may_not_overlap_the_next_term() {
        assertThatThrownBy(() -> new SchoolCalendar(Map.of(Term.parse("2012/13 spring"),
                new Period(LocalDate.of(2013, 1, 7), LocalDate.of(2013, 4, 12)))))
                .hasMessageContaining("spring 2012/13").hasMessageContaining("overlap");
    }

    @Test
    void term_labels_name_the_academic_year_and_are_checked() {
        assertThat(Term.parse("2025/26 AUTUMN").label()).isEqualTo("autumn 2025/26");
        assertThat(Term.parse("1999/00 summer").label()).isEqualTo("summer 1999/00");
        assertThatThrownBy(() -> Term.parse("2012/14 autumn")).hasMessageContaining("does not run on");
        assertThatThrownBy(() -> Term.parse("autumn")).hasMessageContaining("write it like 2012/13 autumn");
    }
}
