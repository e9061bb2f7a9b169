package org.familygateway.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Where the reader is, as an element path: /Referral/Household/Member[2]/Name. */
final class ElementPath {

    /** An element on the path, and how many children of each name it has had so far (made at its first child). */
    private static final class Step {
        final String name;
        final int index;
        Map<String, Integer> childCounts;

        Step(String name, int index) {
            this.name = name;
            this.index = index;
        }

        String name() {
            return name;
        }

        int index() {
            return index;
        }

        Map<String, Integer> childCounts() {
            if (childCounts == null) {
                childCounts = new HashMap<>(8);
            }
            return childCounts;
        }
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Map<String, Integer> rootCounts = new HashMap<>();

    void reset() {
        steps.clear();
        rootCounts.clear();
    }

    void enter(String localName) {
        Map<String, Integer> siblings = steps.isEmpty() ? rootCounts : steps.peek().childCounts();
        int index = siblings.merge(localName, 1, Integer::sum);
        steps.push(new Step(localName, index));
    }

    void leave() {
        steps.pop();
    }

    int depth() {
        return steps.size();
    }

    String current() {
        if (steps.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        steps.descendingIterator().forEachRemaining(step -> {
            path.append('/').append(step.name());
            if (step.index() > 1) {
                path.append('[').append(step.index()).append(']');
            }
        });
        return path.toString();
    }
}
