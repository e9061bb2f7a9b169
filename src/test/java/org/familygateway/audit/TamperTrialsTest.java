package org.familygateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Someone with write access to the database, but not the gateway's key, alters the log; verify
 * says so and names the first entry that does not match. On H2 and PostgreSQL.
 */
class TamperTrialsTest {

    @TempDir
    Path folder;

    private AuditLogFixture log(Kind kind) {
        AuditLogFixture log = new AuditLogFixture(kind, folder, 5);
        log.appendSteps(12);
        return log;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void an_untouched_log_verifies_against_its_signed_checkpoints(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(12);
            assertThat(verification.checkpoints()).isEqualTo(2);
            assertThat(verification.latestCheckpointSize()).isEqualTo(10);
            assertThat(verification.uncovered()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flipping_one_byte_of_an_entry_is_found_and_the_entry_named(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("update audit_event set detail = 'step 8' where leaf_index = 7");

            assertThat(log.verify().problem()).hasValueSatisfying(p -> {
                assertThat(p.position()).isEqualTo(7);
                assertThat(p.message()).contains("entry 7").contains("does not match");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changing_the_frame_of_an_entry_is_found(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("update audit_event set partner_id = 'example-police' where leaf_index = 3");

            assertThat(log.verify().problem()).hasValueSatisfying(p -> assertThat(p.position()).isEqualTo(3));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rewriting_an_entry_together_with_its_recorded_hashes_is_caught_by_the_signed_checkpoint(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            SealedRow original = row(log, 7);
            AuditEntry forged = original.event().entry().withAgreement("agreement-never-used", "consent");
            byte[] commitment = EntryEncoding.commitment(original.salt(), forged);
            byte[] leaf = EntryEncoding.leafHash(7, original.event().occurredAt(), forged, commitment);
            log.sql("update audit_event set agreement_id = 'agreement-never-used', lawful_basis = 'consent', "
                    + "details_commitment = ?, leaf_hash = ? where leaf_index = 7", TreeHash.hex(commitment), TreeHash.hex(leaf));

            assertThat(log.verify().problem()).hasValueSatisfying(p -> {
                assertThat(p.position()).isEqualTo(5);
                assertThat(p.message()).contains("checkpoint signed at size 10");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deleting_an_entry_is_found_and_the_missing_position_named(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("delete from audit_subject where event_id = (select id from audit_event where leaf_index = 4)");
            log.sql("delete from audit_event where leaf_index = 4");

            assertThat(log.verify().problem()).hasValueSatisfying(p -> {
                assertThat(p.position()).isEqualTo(4);
                assertThat(p.message()).contains("entry 4 is missing");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reordering_two_entries_is_found(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("update audit_event set leaf_index = -1 where leaf_index = 2");
            log.sql("update audit_event set leaf_index = 2 where leaf_index = 3");
            log.sql("update audit_event set leaf_index = 3 where leaf_index = -1");

            assertThat(log.verify().problem()).hasValueSatisfying(p -> assertThat(p.position()).isEqualTo(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void truncating_the_log_is_found_even_when_the_head_is_rolled_back_too(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("delete from audit_subject where event_id in (select id from audit_event where leaf_index >= 8)");
            log.sql("delete from audit_event where leaf_index >= 8");
            SealedRow last = row(log, 7);
            log.sql("update audit_head set tree_size = 8, root_hash = ? where id = 1", TreeHash.hex(rootOfFirst(log, 8)));
            assertThat(last).isNotNull();

            assertThat(log.verify().problem()).hasValueSatisfying(p -> {
                assertThat(p.position()).isEqualTo(8);
                assertThat(p.message()).contains("checkpoint signed at size 10").contains("entry 8 onwards is missing");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tying_a_person_to_an_entry_afterwards_is_found(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("insert into audit_subject (event_id, pseudonym) select id, ? from audit_event where leaf_index = 6",
                    AuditLogFixture.pseudonym(99));

            assertThat(log.verify().problem()).hasValueSatisfying(p -> assertThat(p.position()).isEqualTo(6));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_row_slipped_in_without_a_position_is_found(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("insert into audit_event (occurred_at, event_type, receipt_id) values (current_timestamp, 'RECEIVED', 'r-x')");

            assertThat(log.verify().problem()).hasValueSatisfying(p -> assertThat(p.message()).contains("never sealed"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_checkpoint_signed_by_another_key_of_the_same_ca_is_refused(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            CheckpointSigner partner = AuditLogFixture.signerOf(Project.certs().resolve("partners").resolve("example-school"));
            Checkpoint genuine = log.checkpoints.at(10).orElseThrow();
            Checkpoint forged = partner.sign(10, genuine.root(), genuine.signedAt());

            assertThatThrownBy(() -> log.signer.verifier().verify(forged.signed()))
                    .isInstanceOf(CheckpointRefused.class).hasMessageContaining("not signed by the gateway");
            assertThat(log.verifier().verify(List.of(log.checkpoints.at(5).orElseThrow(), forged)).problem())
                    .hasValueSatisfying(p -> assertThat(p.message()).contains("size 10 is refused"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_stored_checkpoint_whose_root_was_changed_is_refused(Kind kind) {
        try (AuditLogFixture log = log(kind)) {
            log.sql("update audit_checkpoint set root_hash = ? where tree_size = 5", "00".repeat(32));

            assertThat(log.verify().problem()).hasValueSatisfying(p -> assertThat(p.message())
                    .contains("checkpoint at size 5 is refused").contains("differs from what the gateway signed"));
        }
    }

    private static SealedRow row(AuditLogFixture log, long position) {
        SealedRow[] found = new SealedRow[1];
        try (var connection = log.dataSource().getConnection()) {
            SealedRows.read(connection, position + 1, r -> {
                found[0] = r;
                return true;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found[0];
    }

    private static byte[] rootOfFirst(AuditLogFixture log, long size) {
        Frontier tree = new Frontier();
        try (var connection = log.dataSource().getConnection()) {
            SealedRows.read(connection, size, r -> {
                tree.add(r.leafHash());
                return true;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return tree.root();
    }
}
