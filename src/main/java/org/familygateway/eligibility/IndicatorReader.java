package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the problems and conditions of a rule file, each indicator with its clauses. An indicator
 * with one clause may write it inline ({@code test:}, {@code who:}, {@code with:}); one with several
 * lists them under {@code any_of:}.
 */
final class IndicatorReader {

    private static final int NAME_LIMIT = 200;

    private final String document;
    private final Set<Integer> monthWindows;
    private final Set<String> codes;

    IndicatorReader(String document, Set<Integer> monthWindows, Set<String> codes) {
        this.document = document;
        this.monthWindows = monthWindows;
        this.codes = codes;
    }

    List<ProblemRule> problems(Node root) {
        List<ProblemRule> problems = new ArrayList<>();
        for (Node node : root.at("problems").items()) {
            node.only("code", "name", "source", "indicators");
            List<IndicatorRule> indicators = new ArrayList<>();
            String code = code(node);
            node.at("indicators").items().forEach(i -> indicators.add(indicator(i)));
            if (indicators.isEmpty()) {
                throw node.at("indicators").fail("a problem needs at least one indicator");
            }
            problems.add(new ProblemRule(code, name(node), Citation.read(node.at("source"), document), indicators));
        }
        if (problems.isEmpty()) {
            throw root.at("problems").fail("a rule set needs at least one problem");
        }
        return problems;
    }

    List<IndicatorRule> conditions(Node root) {
        List<IndicatorRule> conditions = new ArrayList<>();
        root.maybe("conditions").ifPresent(section -> section.items().forEach(i -> conditions.add(indicator(i))));
        return conditions;
    }

    private IndicatorRule indicator(Node node) {
        node.only("code", "name", "source", "level", "any_of", "test", "who", "with");
        String code = code(node);
        List<Clause> clauses = new ArrayList<>();
        if (node.has("any_of") == node.has("test")) {
            throw node.fail("an indicator needs either one test (test:, who:, with:) or a list of them under any_of:");
        }
        if (node.has("any_of")) {
            node.at("any_of").items().forEach(c -> {
                c.only("test", "who", "with");
                clauses.add(clause(c));
            });
        } else {
            clauses.add(clause(node));
        }
        boolean household = node.maybe("level").map(Node::text).map(level -> switch (level) {
            case "household" -> true;
            case "member" -> false;
            default -> throw node.at("level").fail("level is member (the default) or household");
        }).orElse(false);
        return new IndicatorRule(code, name(node), Citation.read(node.at("source"), document), household, clauses);
    }

    private Clause clause(Node node) {
        String test = node.at("test").text();
        FactTest factTest = FactTests.named(test).orElseThrow(() -> node.at("test").fail(
                "there is no fact test '" + test + "'; the tests are " + FactTests.names()));
        Settings settings = node.maybe("with").map(w -> new Settings(w, test, monthWindows)).orElseGet(() -> Settings.none(test));
        Check check = factTest.compile(settings);
        settings.done();
        return new Clause(test, node.maybe("who").map(Who::read).orElse(Who.ANYONE), check);
    }

    private String code(Node node) {
        String code = node.at("code").text();
        if (!code.matches("[A-Z][A-Z0-9_]{0,99}")) {
            throw node.at("code").fail("codes are capital letters, digits and _, like YOUTH_OFFENCE (not '" + code + "')");
        }
        if (!codes.add(code)) {
            throw node.at("code").fail("the code " + code + " is used twice in this file");
        }
        return code;
    }

    private static String name(Node node) {
        String name = node.at("name").text();
        if (name.length() > NAME_LIMIT) {
            throw node.at("name").fail("a name is at most " + NAME_LIMIT + " characters (the case the family team receives allows no more)");
        }
        return name;
    }
}
