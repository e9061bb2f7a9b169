package org.familygateway.validation;

import java.util.Arrays;

/**
 * Where the reader is, as an element path: /Referral/Household/Member[2]/Name. Kept in arrays
 * reused from document to document, since every element of every record of a bulk share passes
 * through it and the path itself is only written out for a problem.
 */
final class ElementPath {

    /** The open elements' names and their positions among same-named siblings (1 for the first). */
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private int depth;
    /**
     * Per level (0 is the document's), the names of the children met so far under the element open
     * at that level, and how many of each.
     */
    private String[][] childNames = new String[17][];
    private int[][] childCounts = new int[17][];
    private int[] distinctChildren = new int[17];

    void reset() {
        depth = 0;
        distinctChildren[0] = 0;
    }

    void enter(String localName) {
        int index = countChild(depth, localName);
        if (depth == names.length) {
            grow();
        }
        names[depth] = localName;
        indexes[depth] = index;
        depth++;
        distinctChildren[depth] = 0;
    }

    void leave() {
        depth--;
    }

    int depth() {
        return depth;
    }

    String current() {
        if (depth == 0) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append('/').append(names[i]);
            if (indexes[i] > 1) {
                path.append('[').append(indexes[i]).append(']');
            }
        }
        return path.toString();
    }

    /** Counts one more child called {@code name} at {@code level}; returns its position among those so called. */
    private int countChild(int level, String name) {
        String[] seen = childNames[level];
        int distinct = distinctChildren[level];
        for (int i = 0; i < distinct; i++) {
            // names come from the reader's symbol table, so the same name is nearly always the same object
            if (seen[i] == name || seen[i].equals(name)) {
                return ++childCounts[level][i];
            }
        }
        if (seen == null) {
            seen = childNames[level] = new String[8];
            childCounts[level] = new int[8];
        } else if (distinct == seen.length) {
            seen = childNames[level] = Arrays.copyOf(seen, distinct * 2);
            childCounts[level] = Arrays.copyOf(childCounts[level], distinct * 2);
        }
        seen[distinct] = name;
        childCounts[level][distinct] = 1;
        distinctChildren[level] = distinct + 1;
        return 1;
    }

    private void grow() {
        int grown = names.length * 2;
        names = Arrays.copyOf(names, grown);
        indexes = Arrays.copyOf(indexes, grown);
        childNames = Arrays.copyOf(childNames, grown + 1);
        childCounts = Arrays.copyOf(childCounts, grown + 1);
        distinctChildren = Arrays.copyOf(distinctChildren, grown + 1);
    }
}
