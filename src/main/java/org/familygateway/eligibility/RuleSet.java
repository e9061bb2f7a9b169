package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One council's (or the national) eligibility rules as read from a file in config/eligibility: its
 * problems and indicators, the decision rules in order (the first that holds decides), what an
 * outcome also needs, the tiers, and the readings chosen for the document's ambiguities.
 */
public final class RuleSet {

    record Header(String id, String version, String title, String document, LocalDate effectiveFrom) {
    }

    record Decisions(List<DecisionRule> rules, DecisionRule otherwise, List<Requirement> requirements) {
    }

    private final Header header;
    private final List<Parameter> parameters;
    private final SchoolCalendar calendar;
    private final List<ProblemRule> problems;
    private final List<IndicatorRule> conditions;
    private final Decisions decisions;
    private final List<TierRule> tiers;
    private final Set<Integer> monthWindows;

    RuleSet(Header header, List<Parameter> parameters, SchoolCalendar calendar, List<ProblemRule> problems,
            List<IndicatorRule> conditions, Decisions decisions, List<TierRule> tiers, Set<Integer> monthWindows) {
        this.header = header;
        this.parameters = List.copyOf(parameters);
        this.calendar = calendar;
        this.problems = List.copyOf(problems);
        this.conditions = List.copyOf(conditions);
        this.decisions = decisions;
        this.tiers = List.copyOf(tiers);
        this.monthWindows = Set.copyOf(monthWindows);
    }

    public String id() {
        return header.id();
    }

    public String version() {
        return header.version();
    }

    public String title() {
        return header.title();
    }

    Header header() {
        return header;
    }

    List<Parameter> parameters() {
        return parameters;
    }

    SchoolCalendar calendar() {
        return calendar;
    }

    List<ProblemRule> problems() {
        return problems;
    }

    List<IndicatorRule> conditions() {
        return conditions;
    }

    Decisions decisions() {
        return decisions;
    }

    List<TierRule> tiers() {
        return tiers;
    }

    /** The windows in months the rules use, so a re-evaluation knows when evidence ages out. */
    Set<Integer> monthWindows() {
        return monthWindows;
    }

    /** Every indicator code, in the problems and the conditions. */
    List<IndicatorRule> indicators() {
        List<IndicatorRule> all = new ArrayList<>();
        problems.forEach(p -> all.addAll(p.indicators()));
        all.addAll(conditions);
        return all;
    }

    /** Every citation in the file, for checking that each quote is the document's own words. */
    List<Citation> citations() {
        List<Citation> all = new ArrayList<>();
        parameters.stream().map(Parameter::citation).forEach(all::add);
        problems.forEach(p -> all.add(p.citation()));
        indicators().forEach(i -> all.add(i.citation()));
        decisions.rules().forEach(r -> all.add(r.citation()));
        all.add(decisions.otherwise().citation());
        decisions.requirements().forEach(r -> all.add(r.citation()));
        tiers.forEach(t -> all.add(t.citation()));
        all.removeIf(Objects::isNull);
        return all;
    }
}
