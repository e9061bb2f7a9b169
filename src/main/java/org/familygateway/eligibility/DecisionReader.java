package org.familygateway.eligibility;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.familygateway.model.v1.DecisionOutcomeType;

/** Reads the {@code decision:} and {@code tiers:} of a rule file, checking every code they name. */
final class DecisionReader {

    private static final int REASON_LIMIT = 4000;

    private final String document;
    private final Set<String> codes;

    DecisionReader(String document, Set<String> codes) {
        this.document = document;
        this.codes = codes;
    }

    RuleSet.Decisions decisions(Node root) {
        Node section = root.at("decision");
        section.only("rules", "otherwise", "requirements");
        List<DecisionRule> rules = new ArrayList<>();
        section.at("rules").items().forEach(n -> rules.add(rule(n, true)));
        DecisionRule otherwise = rule(section.at("otherwise"), false);
        List<Requirement> requirements = new ArrayList<>();
        section.maybe("requirements").ifPresent(r -> r.items().forEach(n -> requirements.add(requirement(n))));
        return new RuleSet.Decisions(rules, otherwise, requirements);
    }

    private DecisionRule rule(Node node, boolean conditional) {
        node.only(conditional ? new String[] {"outcome", "when", "reason", "routed_to", "source"} : new String[] {"outcome", "reason", "source"});
        DecisionOutcomeType outcome = node.at("outcome").choice(DecisionOutcomeType.class);
        String routedTo = node.maybe("routed_to").map(Node::text).orElse(null);
        if ((outcome == DecisionOutcomeType.ROUTED_ELSEWHERE) != (routedTo != null)) {
            throw node.fail("a ROUTED_ELSEWHERE rule, and only such a rule, says where the family is routed (routed_to:)");
        }
        Condition when = conditional ? condition(node.at("when")) : null;
        Citation citation = node.maybe("source").map(s -> Citation.read(s, document)).orElse(null);
        if (conditional && citation == null) {
            throw node.fail("'source' is missing: every decision rule cites the words it encodes");
        }
        return new DecisionRule(outcome, when, reason(node.at("reason")), routedTo, citation);
    }

    private Requirement requirement(Node node) {
        node.only("need", "for", "otherwise", "reason", "missing", "source");
        String need = known(node.at("need"));
        Set<DecisionOutcomeType> appliesTo = outcomes(node.at("for"));
        String otherwiseText = node.at("otherwise").text();
        DecisionOutcomeType otherwise = otherwiseText.equalsIgnoreCase("NOTE") ? null : node.at("otherwise").choice(DecisionOutcomeType.class);
        String reason = otherwise == null ? null : reason(node.at("reason"));
        return new Requirement(need, appliesTo, otherwise, reason, reason(node.at("missing")), Citation.read(node.at("source"), document));
    }

    List<TierRule> tiers(Node root) {
        List<TierRule> tiers = new ArrayList<>();
        root.maybe("tiers").ifPresent(section -> section.items().forEach(node -> {
            node.only("tier", "when", "for", "description", "source");
            String tier = node.at("tier").text();
            if (!tier.matches("[A-Z][A-Z0-9_]{0,99}")) {
                throw node.at("tier").fail("a tier is written in capital letters, digits and _, like HIGH");
            }
            Set<DecisionOutcomeType> appliesTo = node.maybe("for").map(this::outcomes)
                    .orElse(EnumSet.of(DecisionOutcomeType.INCLUDED, DecisionOutcomeType.TO_BE_CONSIDERED));
            tiers.add(new TierRule(tier, node.maybe("when").map(this::condition).orElse(null), appliesTo,
                    reason(node.at("description")), Citation.read(node.at("source"), document)));
        }));
        return tiers;
    }

    private Condition condition(Node node) {
        node.only("all_of", "at_least", "of", "members", "any_of", "none_of");
        Integer atLeast = node.maybe("at_least").map(Node::integer).orElse(null);
        if ((atLeast == null) != !node.has("of") || node.has("members") && atLeast == null) {
            throw node.fail("at_least: N goes with of: [codes] (and, if wanted, members:)");
        }
        Condition condition = new Condition(codes(node, "all_of"), atLeast, codes(node, "of"),
                node.maybe("members").map(n -> n.choice(MemberRule.class)).orElse(MemberRule.HOUSEHOLD),
                codes(node, "any_of"), codes(node, "none_of"));
        if (condition.codes().isEmpty()) {
            throw node.fail("a condition needs all_of, at_least with of, any_of or none_of");
        }
        return condition;
    }

    private List<String> codes(Node node, String key) {
        return node.maybe(key).map(list -> list.items().stream().map(this::known).toList()).orElse(List.of());
    }

    private String known(Node code) {
        String text = code.text();
        if (!codes.contains(text)) {
            throw code.fail("there is no problem, indicator or condition " + text + " in this file");
        }
        return text;
    }

    private Set<DecisionOutcomeType> outcomes(Node node) {
        Set<DecisionOutcomeType> outcomes = EnumSet.noneOf(DecisionOutcomeType.class);
        node.items().forEach(n -> outcomes.add(n.choice(DecisionOutcomeType.class)));
        return outcomes;
    }

    private static String reason(Node node) {
        String text = node.text();
        if (text.length() > REASON_LIMIT) {
            throw node.fail("at most " + REASON_LIMIT + " characters");
        }
        return text;
    }
}
