package org.familygateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proofs between checkpoints, checkpoints kept as files, and retention that purges while the tree still verifies. */
class ConsistencyAndRetentionTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void consistency_between_two_signed_checkpoints_is_proven_and_checks_from_the_exported_files_alone(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 6)) {
            log.appendSteps(20);
            Consistency.Proof proof = new Consistency(log.dataSource(), log.checkpoints).between(6, 18);
            assertThat(proof.holds()).isTrue();
            assertThat(proof.hashes()).isNotEmpty();

            Path kept = folder.resolve("kept-elsewhere");
            assertThat(CheckpointFiles.export(log.checkpoints.all(), kept)).isEqualTo(3);
            List<Checkpoint> files = CheckpointFiles.read(kept, log.signer.verifier());
            assertThat(files).extracting(Checkpoint::size).containsExactly(6L, 12L, 18L);
            assertThat(ConsistencyProof.verify(6, 18, files.get(0).root(), files.get(2).root(), proof.hashes())).isTrue();
            assertThat(log.verifier().verifySigned(files).intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void no_consistency_proof_holds_once_an_entry_before_the_first_checkpoint_was_changed(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 6)) {
            log.appendSteps(13);
            log.sql("update audit_event set partner_id = 'example-police' where leaf_index = 2");

            assertThat(new Consistency(log.dataSource(), log.checkpoints).between(6, 12).holds()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_forged_checkpoint_is_refused_for_a_proof(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 6)) {
            log.appendSteps(13);
            Checkpoint genuine = log.checkpoints.at(12).orElseThrow();
            Checkpoint forged = AuditLogFixture.signerOf(Project.certs().resolve("partners").resolve("example-police"))
                    .sign(12, genuine.root(), genuine.signedAt());
            log.sql("update audit_checkpoint set signed_note = ? where tree_size = 12",
                    java.util.Base64.getEncoder().encodeToString(forged.signed()));

            assertThatThrownBy(() -> new Consistency(log.dataSource(), log.checkpoints).between(6, 12))
                    .isInstanceOf(CheckpointRefused.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void details_past_their_retention_are_purged_and_the_tree_still_verifies(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 5)) {
            log.appendSteps(4);
            log.trail.append(AuditLogFixture.step(4).withAgreement("long-kept", "public task"));
            log.clock.advance(Duration.ofDays(400));
            log.appendSteps(3);
            RetentionPolicy policy = new RetentionPolicy(Period.ofYears(1), Map.of("long-kept", Period.ofYears(3)));

            RetentionPurge.Result result = new RetentionPurge(log.dataSource(), log.trail, policy, log.clock).run();

            assertThat(result.purged()).isEqualTo(4);
            List<AuditEvent> events = log.trail.latest(20);
            assertThat(events).filteredOn(AuditEvent::purged).extracting(AuditEvent::position).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
            AuditEvent purged = events.stream().filter(e -> e.position() == 1).findFirst().orElseThrow();
            assertThat(purged.entry().receiptId()).isNull();
            assertThat(purged.entry().detail()).isNull();
            assertThat(purged.entry().payloadDigest()).isNull();
            assertThat(purged.entry().subjects()).isEmpty();
            assertThat(purged.entry().partnerId()).isEqualTo("example-school");
            AuditEvent kept = events.stream().filter(e -> e.position() == 4).findFirst().orElseThrow();
            assertThat(kept.purged()).isFalse();
            assertThat(kept.entry().receiptId()).isEqualTo("r-4");
            assertThat(events.get(0).type()).isEqualTo(AuditEventType.RETENTION_PURGED);
            assertThat(events.get(0).entry().detail()).contains("4 entries");
            Verification verification = log.verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void an_expired_entry_that_was_tampered_with_is_not_purged_so_verify_still_names_it(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 5)) {
            log.appendSteps(3);
            log.sql("update audit_event set receipt_id = 'r-other' where leaf_index = 1");
            log.clock.advance(Duration.ofDays(800));

            RetentionPurge.Result result = new RetentionPurge(log.dataSource(), log.trail,
                    new RetentionPolicy(Period.ofYears(1), Map.of()), log.clock).run();

            assertThat(result.purged()).isEqualTo(2);
            assertThat(result.refused()).isEqualTo(1);
            assertThat(log.verify().problem()).hasValueSatisfying(p -> assertThat(p.position()).isEqualTo(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void entries_written_before_the_tree_existed_are_sealed_in_their_order(Kind kind) {
        try (AuditLogFixture log = new AuditLogFixture(kind, folder, 0)) {
            for (int i = 0; i < 3; i++) {
                log.sql("insert into audit_event (occurred_at, event_type, receipt_id, partner_id) values (current_timestamp, 'RECEIVED', ?, 'example-school')",
                        "old-" + i);
            }
            assertThat(log.trail.sealEntriesFromBeforeTheTree()).isEqualTo(3);
            log.trail.append(AuditLogFixture.step(0));
            log.checkpoints.signNow();

            assertThat(log.trail.forReceipt("old-2")).singleElement().satisfies(e -> assertThat(e.position()).isEqualTo(2));
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.trail.sealEntriesFromBeforeTheTree()).isZero();
        }
    }
}
