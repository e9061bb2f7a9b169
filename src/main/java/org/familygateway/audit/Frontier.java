package org.familygateway.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree grown one leaf at a time, keeping only the roots of its complete subtrees (one per
 * set bit of the size, largest first). Appending costs O(log n) hashes, and the root it gives is
 * RFC 6962's MTH of all leaves so far.
 */
final class Frontier {

    private final List<byte[]> roots;
    private long size;

    Frontier() {
        this(0, new ArrayList<>());
    }

    private Frontier(long size, List<byte[]> roots) {
        this.size = size;
        this.roots = roots;
    }

    void add(byte[] leafHash) {
        roots.add(leafHash);
        // merging pairs of equal-sized subtrees: one merge per trailing one-bit of the old size
        for (long s = size; (s & 1) == 1; s >>= 1) {
            byte[] right = roots.remove(roots.size() - 1);
            byte[] left = roots.remove(roots.size() - 1);
            roots.add(TreeHash.node(left, right));
        }
        size++;
    }

    long size() {
        return size;
    }

    byte[] root() {
        if (roots.isEmpty()) {
            return TreeHash.EMPTY;
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = TreeHash.node(roots.get(i), root);
        }
        return root;
    }

    /** As stored in the head row: the subtree roots in hex, comma-separated. */
    String encode() {
        return String.join(",", roots.stream().map(TreeHash::hex).toList());
    }

    static Frontier decode(long size, String encoded) {
        List<byte[]> roots = new ArrayList<>();
        if (!encoded.isEmpty()) {
            Arrays.stream(encoded.split(",")).map(TreeHash::fromHex).forEach(roots::add);
        }
        if (roots.size() != Long.bitCount(size)) {
            throw new IllegalStateException("the log's head is damaged: " + roots.size() + " subtree roots for a tree of " + size);
        }
        return new Frontier(size, roots);
    }
}
