package org.familygateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The tree hashing against RFC 6962's published test vectors, and consistency proofs both ways. */
class MerkleTreeTest {

    /** The leaves of the certificate-transparency reference tests. */
    private static final String[] VECTOR_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};

    @Test
    void the_roots_match_the_reference_vectors_of_rfc_6962() {
        Frontier tree = new Frontier();
        List<String> roots = new ArrayList<>();
        for (String leaf : VECTOR_LEAVES) {
            tree.add(TreeHash.leaf(HexFormat.of().parseHex(leaf)));
            roots.add(TreeHash.hex(tree.root()));
        }
        assertThat(TreeHash.hex(TreeHash.EMPTY)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(roots.get(0)).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(roots.get(7)).isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void the_frontier_gives_the_same_root_as_the_recursive_definition_at_every_size() {
        List<byte[]> leaves = leaves(70);
        Frontier tree = new Frontier();
        for (int n = 1; n <= leaves.size(); n++) {
            tree.add(leaves.get(n - 1));
            assertThat(tree.root()).as("size %d", n).isEqualTo(ConsistencyProof.root(leaves.subList(0, n)));
            Frontier stored = Frontier.decode(tree.size(), tree.encode());
            assertThat(stored.root()).isEqualTo(tree.root());
        }
    }

    @Test
    void every_consistency_proof_between_two_sizes_verifies() {
        List<byte[]> leaves = leaves(33);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] newRoot = ConsistencyProof.root(leaves.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] oldRoot = ConsistencyProof.root(leaves.subList(0, m));
                List<byte[]> proof = ConsistencyProof.prove(leaves, m, n);
                assertThat(ConsistencyProof.verify(m, n, oldRoot, newRoot, proof)).as("%d -> %d", m, n).isTrue();
            }
        }
    }

    @Test
    void a_proof_does_not_verify_against_another_history() {
        List<byte[]> leaves = leaves(20);
        List<byte[]> altered = new ArrayList<>(leaves);
        altered.set(3, TreeHash.leaf("something else".getBytes(StandardCharsets.UTF_8)));
        byte[] alteredOldRoot = ConsistencyProof.root(altered.subList(0, 7));
        byte[] newRoot = ConsistencyProof.root(leaves);
        List<byte[]> proof = ConsistencyProof.prove(leaves, 7, 20);

        assertThat(ConsistencyProof.verify(7, 20, alteredOldRoot, newRoot, proof)).isFalse();
        List<byte[]> damaged = new ArrayList<>(proof);
        damaged.set(0, TreeHash.EMPTY);
        assertThat(ConsistencyProof.verify(7, 20, ConsistencyProof.root(leaves.subList(0, 7)), newRoot, damaged)).isFalse();
        assertThat(ConsistencyProof.verify(7, 20, ConsistencyProof.root(leaves.subList(0, 7)), newRoot, List.of())).isFalse();
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(TreeHash.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }
}
