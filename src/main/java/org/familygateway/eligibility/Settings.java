package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The settings of one fact test in a rule file (its {@code with:} mapping). A test reads what it
 * understands; {@link #done()} then fails on anything left over, so a misspelt setting stops the
 * file from loading instead of being ignored.
 */
final class Settings {

    private final Node with;
    private final String test;
    private final Set<Integer> monthWindows;
    private final Set<String> read = new TreeSet<>();

    Settings(Node with, String test, Set<Integer> monthWindows) {
        this.with = with;
        this.test = test;
        this.monthWindows = monthWindows;
    }

    static Settings none(String test) {
        return new Settings(new Node(JsonNodeFactory.instance.objectNode(), "(none)", "with"), test, new TreeSet<>());
    }

    private Optional<Node> take(String key) {
        read.add(key);
        return with.maybe(key);
    }

    RuleFileException fail(String key, String problem) {
        return take(key).map(n -> n.fail(problem)).orElseGet(() -> with.fail(problem));
    }

    int count(String key, int otherwise) {
        int value = take(key).map(Node::integer).orElse(otherwise);
        if (value < 0) {
            throw fail(key, "cannot be negative");
        }
        return value;
    }

    /** A window in months ("in the last 12 months"); absent means the test looks back without limit. */
    Integer months(String key) {
        Integer months = take(key).map(Node::integer).orElse(null);
        if (months != null) {
            if (months < 1) {
                throw fail(key, "a window of months must be at least 1");
            }
            monthWindows.add(months);
        }
        return months;
    }

    /** A window in months with a default, which a re-evaluation must also know about. */
    int months(String key, int otherwise) {
        Integer months = months(key);
        monthWindows.add(otherwise);
        return months == null ? otherwise : months;
    }

    Integer optionalCount(String key) {
        return take(key).map(Node::integer).orElse(null);
    }

    BigDecimal percent(String key) {
        BigDecimal value = take(key).map(Node::decimal).orElseThrow(() -> with.fail("'" + key + "' is missing"));
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw fail(key, "a percentage must be between 0 and 100");
        }
        return value;
    }

    boolean flag(String key, boolean otherwise) {
        return take(key).map(Node::bool).orElse(otherwise);
    }

    <E extends Enum<E>> E one(String key, Class<E> type, E otherwise) {
        Optional<Node> node = take(key);
        if (node.isEmpty() && otherwise == null) {
            throw with.fail("'" + key + "' is missing");
        }
        return node.map(n -> n.choice(type)).orElse(otherwise);
    }

    /** A list of codes, or the word ANY; {@code otherwise} null makes the setting required. */
    <E extends Enum<E>> Codes<E> codes(String key, Class<E> type, Codes<E> otherwise) {
        Optional<Node> node = take(key);
        if (node.isEmpty()) {
            if (otherwise == null) {
                throw with.fail("'" + key + "' is missing");
            }
            return otherwise;
        }
        if (node.get().json().isTextual() && node.get().text().equalsIgnoreCase("ANY")) {
            return Codes.any();
        }
        List<E> values = new ArrayList<>();
        node.get().items().forEach(item -> values.add(item.choice(type)));
        if (values.isEmpty()) {
            throw node.get().fail("an empty list accepts nothing; write ANY or name at least one");
        }
        return Codes.of(values);
    }

    /** Free codes (offence categories, reason codes), or the word ANY. */
    Codes<String> words(String key) {
        Optional<Node> node = take(key);
        if (node.isEmpty() || (node.get().json().isTextual() && node.get().text().equalsIgnoreCase("ANY"))) {
            return Codes.any();
        }
        return Codes.of(node.get().texts().stream().map(String::toUpperCase).toList());
    }

    boolean has(String key) {
        return with.has(key);
    }

    void done() {
        if (!with.json().isObject()) {
            throw with.fail("expected a mapping of settings");
        }
        for (Iterator<String> names = with.json().fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!read.contains(name)) {
                throw with.fail("the test " + test + " has no setting '" + name + "'; its settings are " + String.join(", ", read));
            }
        }
    }
}
