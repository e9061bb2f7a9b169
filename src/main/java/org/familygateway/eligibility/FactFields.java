package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one fact in a household file, read with the same care as a rule file: a missing
 * field, a bad value or an unknown field stops the file with where and why.
 */
final class FactFields {

    private final Node node;
    private final Source source;
    private final Set<String> read = new TreeSet<>(Set.of("fact", "message", "record"));

    FactFields(Node node, Source source) {
        this.node = node;
        this.source = source;
    }

    Source source() {
        return source;
    }

    Node node() {
        return node;
    }

    String member() {
        return text("member");
    }

    String text(String key) {
        read.add(key);
        return node.at(key).text();
    }

    LocalDate date(String key) {
        read.add(key);
        return node.at(key).date();
    }

    LocalDate optionalDate(String key) {
        read.add(key);
        return node.maybe(key).map(Node::date).orElse(null);
    }

    Period period() {
        LocalDate from = date("from");
        LocalDate to = optionalDate("to");
        if (to != null && to.isBefore(from)) {
            throw node.fail("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return new Period(from, to);
    }

    int count(String key) {
        read.add(key);
        int value = node.at(key).integer();
        if (value < 0) {
            throw node.at(key).fail("cannot be negative");
        }
        return value;
    }

    Integer optionalCount(String key) {
        read.add(key);
        return node.has(key) ? count(key) : null;
    }

    BigDecimal optionalDecimal(String key) {
        read.add(key);
        return node.maybe(key).map(Node::decimal).orElse(null);
    }

    boolean flag(String key, boolean otherwise) {
        read.add(key);
        return node.maybe(key).map(Node::bool).orElse(otherwise);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        read.add(key);
        return node.at(key).choice(type);
    }

    <E extends Enum<E>> E optionalChoice(String key, Class<E> type) {
        read.add(key);
        return node.maybe(key).map(n -> n.choice(type)).orElse(null);
    }

    <T> T done(T fact) {
        for (Iterator<String> names = node.json().fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!read.contains(name)) {
                throw node.fail("a " + node.at("fact").text() + " fact has no field '" + name + "'; its fields are " + String.join(", ", read));
            }
        }
        return fact;
    }
}
