package org.familygateway.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Consistency between two versions of the tree (RFC 9162 2.1.4): the proof that the tree of size m
 * is a prefix of the tree of size n, so that whoever keeps two checkpoints can check that nothing
 * before the first was changed, removed or reordered by the time of the second.
 */
public final class ConsistencyProof {

    private ConsistencyProof() {
    }

    /** The proof between the first m and the first n of these leaf hashes (RFC 9162 2.1.4.1). */
    static List<byte[]> prove(List<byte[]> leaves, int m, int n) {
        if (m < 0 || m > n || n > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(leaves.subList(0, n), m, true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, boolean complete, List<byte[]> proof) {
        int n = leaves.size();
        if (m == n) {
            if (!complete) {
                proof.add(root(leaves));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves.subList(0, k), m, complete, proof);
            proof.add(root(leaves.subList(k, n)));
        } else {
            subproof(leaves.subList(k, n), m - k, false, proof);
            proof.add(root(leaves.subList(0, k)));
        }
    }

    /** RFC 6962 MTH of a list of leaf hashes. */
    static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return TreeHash.EMPTY;
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return TreeHash.node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** Checks a proof that the tree (m, oldRoot) is a prefix of (n, newRoot) (RFC 9162 2.1.4.2). */
    public static boolean verify(long m, long n, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (m < 0 || m > n) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (m == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.add(0, oldRoot);
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
