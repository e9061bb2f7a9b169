package org.familygateway.eligibility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.GenderType;
import org.familygateway.model.v1.HouseholdRoleType;

/**
 * Reads a household file: a household's members and the facts about them, written by council
 * staff to try a rule set (the explain command) or to keep an example. The format is described in
 * config/eligibility/README.md.
 */
public final class HouseholdFile {

    /** The household, and the day the file says to evaluate it on (if it says). */
    public record Loaded(Household household, LocalDate evaluateOn) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private HouseholdFile() {
    }

    public static Loaded read(Path file) {
        String name = file.getFileName().toString();
        try {
            JsonNode tree = YAML.readTree(Files.readString(file));
            if (tree == null || !tree.isObject()) {
                throw new RuleFileException(name + ": expected a mapping of keys to values at the top");
            }
            return read(new Node(tree, name, ""));
        } catch (JsonProcessingException e) {
            throw new RuleFileException(name + ": not readable YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleFileException(file + (e instanceof NoSuchFileException ? ": there is no such file" : ": cannot be read (" + e.getMessage() + ")"), e);
        }
    }

    private static Loaded read(Node root) {
        root.only("household", "evaluate_on", "members", "messages", "facts");
        Household.Builder household = Household.builder(root.at("household").text());
        Map<String, Member> members = new HashMap<>();
        for (Node node : root.at("members").items()) {
            node.only("id", "role", "born", "gender");
            Member member = new Member(node.at("id").text(), node.at("role").choice(HouseholdRoleType.class), node.at("born").date(),
                    node.maybe("gender").map(g -> g.choice(GenderType.class)).orElse(GenderType.NOT_KNOWN));
            if (members.put(member.subjectId(), member) != null) {
                throw node.at("id").fail("two members are called " + member.subjectId());
            }
            household.member(member);
        }
        Map<String, Node> messages = messages(root);
        for (Node node : root.maybe("facts").map(Node::items).orElse(java.util.List.of())) {
            Fact fact = HouseholdFacts.read(node, source(node, messages));
            if (fact.subject() != null && !members.containsKey(fact.subject())) {
                throw node.at("member").fail("no member is called " + fact.subject());
            }
            household.fact(fact);
        }
        return new Loaded(household.build(), root.maybe("evaluate_on").map(Node::date).orElse(null));
    }

    private static Map<String, Node> messages(Node root) {
        Map<String, Node> messages = new HashMap<>();
        for (Node node : root.maybe("messages").map(Node::items).orElse(java.util.List.of())) {
            node.only("id", "partner", "agency");
            if (messages.put(node.at("id").text(), node) != null) {
                throw node.at("id").fail("two messages have the id " + node.at("id").text());
            }
        }
        return messages;
    }

    private static Source source(Node fact, Map<String, Node> messages) {
        String id = fact.at("message").text();
        Node message = messages.get(id);
        if (message == null) {
            throw fact.at("message").fail("no message " + id + " is listed under messages:");
        }
        return new Source(message.at("partner").text(), message.at("agency").choice(AgencyKindType.class), id,
                fact.maybe("record").map(Node::text).orElse(null));
    }
}
