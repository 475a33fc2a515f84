package org.baomi.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.baomi.audit.ChainBreakage;
import org.baomi.audit.ChainProblem;
import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationResult;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tamper suite (AUD-3, issue 8 "Must show"): a database administrator attacks copies of a sealed and anchored
 * chain on the real embedded PostgreSQL, with triggers switched off, and every attack is detected. Each attack
 * runs on a scratch database of its own (CREATE DATABASE ... TEMPLATE), never on the shared test database.
 *
 * <p>The template chain: 60 entries, sealed in batches of at most 8, anchored after entries 20, 40 and 60.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChainTamperTest {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static ScratchChain template;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void buildTemplateOnce() throws Exception {
        synchronized (ChainTamperTest.class) {
            if (template != null) {
                return;
            }
            String url;
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
            }
            template = ScratchChain.create(url, "chain_tpl_" + RUN, Path.of("target", "test-tamper", RUN));
            ChainSealer sealer = template.sealer(HashAlgorithm.SM3, 8);
            Anchoring anchoring = template.anchoring();
            for (int round = 0; round < 3; round++) {
                template.write(20, "document.read");
                sealer.sealPending(true);
                anchoring.anchorIfDue(Duration.ZERO);
                template.clock.advance(Duration.ofMinutes(1));
            }
        }
    }

    @AfterAll
    static void dropTemplate() {
        if (template != null) {
            template.close();
            template = null;
        }
    }

    private ScratchChain attackCopy() {
        return template.copy("chain_atk_" + RUN + "_" + COPIES.incrementAndGet());
    }

    private static void assertDetected(VerificationResult result, ChainBreakage breakage, long atSeq) {
        assertThat(result.intact()).as("intact").isFalse();
        assertThat(result.problems()).as("problems").extracting(ChainProblem::breakage, ChainProblem::sequence)
                .contains(org.assertj.core.groups.Tuple.tuple(breakage, atSeq));
        assertThat(result.firstBrokenSequence()).isLessThanOrEqualTo(atSeq);
    }

    @Test
    void an_untouched_chain_is_reported_intact_fully_and_incrementally_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            VerificationResult full = chain.verifyFully();
            assertThat(full.intact()).as(full.problems().toString()).isTrue();
            assertThat(full.entriesChecked()).isEqualTo(60);
            assertThat(full.verifiedToSequence()).isEqualTo(60);
            assertThat(full.anchorId()).isEqualTo(3L);
            assertThat(full.firstBrokenSequence()).isNull();

            VerificationResult incremental = chain.verify(VerificationMode.INCREMENTAL, 2L);
            assertThat(incremental.intact()).as(incremental.problems().toString()).isTrue();
            assertThat(incremental.entriesChecked()).as("from anchor 2 at sequence 40").isEqualTo(20);
            assertThat(incremental.anchorId()).isEqualTo(2L);
        }
    }

    @Test
    void changing_one_field_of_an_entry_is_detected_at_its_sequence_number_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("UPDATE aud_entry SET action = 'document.nothing-happened' WHERE id = " + chain.idAtSeq(17));

            assertDetected(chain.verifyFully(), ChainBreakage.ENTRY_ALTERED, 17);
        }
    }

    @Test
    void changing_the_details_json_of_an_entry_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("UPDATE aud_entry SET details = '{\"page\": 999}' WHERE id = " + chain.idAtSeq(5));

            assertDetected(chain.verifyFully(), ChainBreakage.ENTRY_ALTERED, 5);
        }
    }

    @Test
    void deleting_an_entry_is_detected_as_missing_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("DELETE FROM aud_entry WHERE id = " + chain.idAtSeq(33));

            assertDetected(chain.verifyFully(), ChainBreakage.ENTRY_MISSING, 33);
        }
    }

    @Test
    void deleting_an_entry_together_with_its_chain_row_is_detected_as_a_gap_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            long id = chain.idAtSeq(12);
            chain.asDba("DELETE FROM aud_chain WHERE seq = 12", "DELETE FROM aud_entry WHERE id = " + id);

            assertDetected(chain.verifyFully(), ChainBreakage.SEQUENCE_GAP, 12);
        }
    }

    @Test
    void reordering_two_entries_in_the_chain_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            long a = chain.idAtSeq(8);
            long b = chain.idAtSeq(9);
            chain.asDba("UPDATE aud_chain SET entry_id = -1 WHERE seq = 8",
                    "UPDATE aud_chain SET entry_id = " + a + " WHERE seq = 9",
                    "UPDATE aud_chain SET entry_id = " + b + " WHERE seq = 8");

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ENTRY_ALTERED, 8);
            assertDetected(result, ChainBreakage.ENTRY_ALTERED, 9);
        }
    }

    @Test
    void an_entry_out_of_chain_order_is_still_looked_up_and_checked_by_its_id_AUD_3() {
        // The verifier pairs chain rows and entries by (tx, id) order; a row whose entry_tx no longer matches falls
        // back to a lookup by id, which must check the entry as strictly (here: changed, and also in deep mode).
        try (ScratchChain chain = attackCopy()) {
            long id = chain.idAtSeq(30);
            chain.asDba("UPDATE aud_chain SET entry_tx = '1'::xid8 WHERE seq = 30");
            VerificationResult unchanged = chain.verify(VerificationMode.DEEP, null);
            assertThat(unchanged.intact()).as("entry_tx is bookkeeping, not hashed: %s", unchanged.problems())
                    .isTrue();
            assertThat(unchanged.entriesChecked()).isEqualTo(60);

            chain.asDba("UPDATE aud_entry SET outcome = 'DENIED' WHERE id = " + id);
            assertDetected(chain.verifyFully(), ChainBreakage.ENTRY_ALTERED, 30);
            assertDetected(chain.verify(VerificationMode.DEEP, null), ChainBreakage.ENTRY_ALTERED, 30);
        }
    }

    @Test
    void swapping_the_contents_of_two_entries_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            long a = chain.idAtSeq(21);
            long b = chain.idAtSeq(22);
            chain.asDba("UPDATE aud_entry SET occurred_at = occurred_at + interval '1 second' WHERE id = " + a,
                    "UPDATE aud_entry SET occurred_at = occurred_at - interval '1 second' WHERE id = " + b);

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ENTRY_ALTERED, 21);
            assertDetected(result, ChainBreakage.ENTRY_ALTERED, 22);
        }
    }

    @Test
    void a_forged_row_inserted_directly_into_the_table_is_sealed_but_flagged_as_not_authentic_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.jdbc.sql("""
                    INSERT INTO aud_entry (occurred_at, actor_kind, action, outcome, details)
                    VALUES (now(), 'SYSTEM', 'document.destroyed', 'ALLOWED', '{}')
                    """).update();
            ChainSealer.SealResult sealed = chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);
            assertThat(sealed.unauthenticated()).as("the sealer flags it at once").hasSize(1);

            assertDetected(chain.verifyFully(), ChainBreakage.ENTRY_NOT_AUTHENTIC, 61);
        }
    }

    @Test
    void a_forged_row_carrying_a_genuine_entrys_mac_is_flagged_as_not_authentic_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            long genuine = chain.idAtSeq(3);
            chain.jdbc.sql("""
                    INSERT INTO aud_entry (occurred_at, actor_id, actor_name, actor_department, actor_kind,
                        source_address, session_ref, action, object_type, object_id, secret_level, outcome,
                        reason_key, details, patient_id, mac)
                    SELECT occurred_at, actor_id, actor_name, actor_department, actor_kind, source_address, session_ref,
                        action, object_type, object_id, secret_level, outcome, reason_key, details, patient_id, mac
                    FROM aud_entry WHERE id = :id
                    """).param("id", genuine).update();
            chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);

            assertDetected(chain.verifyFully(), ChainBreakage.ENTRY_NOT_AUTHENTIC, 61);
        }
    }

    @Test
    void a_row_inserted_with_an_old_transaction_id_below_the_sealed_head_is_detected_as_unchained_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("""
                    INSERT INTO aud_entry (occurred_at, actor_kind, action, outcome, details, tx)
                    VALUES (now(), 'SYSTEM', 'document.destroyed', 'ALLOWED', '{}', '3')
                    """);

            assertDetected(chain.verifyFully(), ChainBreakage.UNCHAINED_ENTRY, 1);
        }
    }

    @Test
    void cutting_the_tail_of_the_chain_is_detected_against_the_anchors_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("DELETE FROM aud_entry WHERE id IN (SELECT entry_id FROM aud_chain WHERE seq > 50)",
                    "DELETE FROM aud_chain WHERE seq > 50",
                    "DELETE FROM aud_batch WHERE last_seq > 50");

            assertDetected(chain.verifyFully(), ChainBreakage.TAIL_CUT, 51);
        }
    }

    @Test
    void cutting_the_tail_and_the_anchors_in_the_database_is_still_detected_by_the_anchor_files_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("DELETE FROM aud_entry WHERE id IN (SELECT entry_id FROM aud_chain WHERE seq > 30)",
                    "DELETE FROM aud_chain WHERE seq > 30", "DELETE FROM aud_batch WHERE last_seq > 30",
                    "DELETE FROM aud_anchor WHERE seq > 30");

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.TAIL_CUT, 31);
            assertDetected(result, ChainBreakage.ANCHOR_MISSING, 40);
        }
    }

    @Test
    void rewriting_the_tail_into_a_valid_looking_chain_without_one_entry_is_detected_by_the_anchors_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            // The attacker removes entry 25 and reseals everything with Baomi's own sealer: every link, hash, MAC
            // and Merkle root is right again, but the signed anchors name other hashes.
            long victim = chain.idAtSeq(25);
            chain.asDba("DELETE FROM aud_tree_leaf", "DELETE FROM aud_chain", "DELETE FROM aud_batch",
                    "DELETE FROM aud_segment", "DELETE FROM aud_entry WHERE id = " + victim);
            chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);
            // ... and rebuilds the batch tree with Baomi's own code, so that it matches the new batches too.
            chain.transactions.executeWithoutResult(s -> new BatchTree(chain.jdbc).catchUp());
            assertThat(chain.head()).isEqualTo(59);

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ANCHOR_HASH_MISMATCH, 40);
            assertThat(result.problems()).extracting(ChainProblem::breakage)
                    .as("nothing but the anchors can tell").containsOnly(ChainBreakage.ANCHOR_HASH_MISMATCH,
                            ChainBreakage.TAIL_CUT);
        }
    }

    @Test
    void wiping_every_audit_table_is_detected_by_the_anchor_files_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("TRUNCATE aud_tree_leaf, aud_archive, aud_chain, aud_batch, aud_segment, aud_anchor,"
                    + " aud_entry");

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.TAIL_CUT, 1);
            assertThat(result.verifiedToSequence()).isZero();
        }
    }

    @Test
    void replacing_an_anchor_in_the_database_and_the_directory_with_one_signed_by_another_key_is_detected_AUD_3()
            throws Exception {
        try (ScratchChain chain = attackCopy()) {
            // The attacker rewrites the tail and signs matching anchors with a key of their own, in both places.
            SignatureAlgorithm sm2 = SignatureAlgorithm.SM2;
            var attackerKey = sm2.generate();
            String attackerKeyId = AnchorKeys.keyIdOf(attackerKey.getPublic().getEncoded());
            chain.asDba("UPDATE aud_entry SET object_id = 'DOC-X' WHERE id = " + chain.idAtSeq(55),
                    "DELETE FROM aud_chain WHERE seq >= 49", "DELETE FROM aud_batch WHERE last_seq >= 49");
            // Reseal from 49 on: the first tail batch ended at 48 (batches of 8).
            chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);
            Anchor original = Anchor.parse(Files.readString(chain.anchorDir.resolve(Anchor.fileName(3))));
            byte[] head = chain.jdbc.sql("SELECT entry_hash FROM aud_chain WHERE seq = 60").query(byte[].class).single();
            byte[] root = chain.jdbc.sql("SELECT b.merkle_root FROM aud_batch b JOIN aud_chain c ON c.batch_id = b.id"
                    + " WHERE c.seq = 60").query(byte[].class).single();
            long batch = chain.jdbc.sql("SELECT batch_id FROM aud_chain WHERE seq = 60").query(Long.class).single();
            Anchor forged = new Anchor(3, 1, "SM3", 60, head, batch, root, original.treeSize(), original.treeRoot(), original.createdAt(), attackerKeyId, "SM2",
                    null);
            forged = forged.withSignature(sm2.sign(attackerKey.getPrivate(), forged.payloadBytes()));
            Files.writeString(chain.anchorDir.resolve(forged.fileName()), forged.fileText(), StandardCharsets.UTF_8);
            Files.writeString(chain.anchorDir.resolve("keys").resolve(attackerKeyId + ".pub"), "key=" + attackerKeyId
                    + "\nalgorithm=SM2\npublic=" + Base64.getEncoder().encodeToString(attackerKey.getPublic().getEncoded())
                    + "\n");
            chain.asDba("INSERT INTO aud_anchor_key VALUES ('" + attackerKeyId + "', 'SM2', '\\x"
                    + HexFormat.of().formatHex(attackerKey.getPublic().getEncoded()) + "', now())",
                    "DELETE FROM aud_anchor WHERE id = 3",
                    "INSERT INTO aud_anchor VALUES (3, 1, 60, '\\x" + HexFormat.of().formatHex(head) + "', " + batch
                            + ", '\\x" + HexFormat.of().formatHex(root) + "', now(), '" + attackerKeyId + "', '"
                            + forged.payload() + "', '\\x" + HexFormat.of().formatHex(forged.signature()) + "')");

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ANCHOR_FORGED, 60);
            assertThat(result.problems()).extracting(ChainProblem::breakage)
                    .contains(ChainBreakage.ENTRY_NOT_AUTHENTIC);
        }
    }

    @Test
    void editing_the_head_hash_in_an_anchor_file_is_detected_AUD_3() throws Exception {
        try (ScratchChain chain = attackCopy()) {
            Path file = chain.anchorDir.resolve(Anchor.fileName(2));
            String text = Files.readString(file);
            Anchor anchor = Anchor.parse(text);
            String hex = HexFormat.of().formatHex(anchor.headHash());
            String changed = (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
            Files.writeString(file, text.replace("head=" + hex, "head=" + changed));

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ANCHOR_MISMATCH, 40);
            assertDetected(result, ChainBreakage.ANCHOR_FORGED, 40);
        }
    }

    @Test
    void changing_the_algorithm_marker_of_a_segment_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("UPDATE aud_segment SET hash_algorithm = 'SHA-256' WHERE id = 1");

            assertDetected(chain.verifyFully(), ChainBreakage.SEGMENT_ALTERED, 1);
        }
    }

    @Test
    void recomputing_a_whole_chain_under_another_algorithm_is_detected_by_the_anchors_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("DELETE FROM aud_chain", "DELETE FROM aud_batch", "DELETE FROM aud_segment");
            chain.sealer(HashAlgorithm.SHA_256, 8).sealPending(true);

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.SEGMENT_ALTERED, 20);
            assertDetected(result, ChainBreakage.ANCHOR_HASH_MISMATCH, 20);
        }
    }

    @Test
    void a_forged_checkpoint_signed_by_an_unknown_key_is_detected_AUD_3() throws Exception {
        try (ScratchChain chain = attackCopy()) {
            var attackerKey = SignatureAlgorithm.ED25519.generate();
            String keyId = AnchorKeys.keyIdOf(attackerKey.getPublic().getEncoded());
            byte[] head = chain.jdbc.sql("SELECT entry_hash FROM aud_chain WHERE seq = 60").query(byte[].class).single();
            Anchor forged = new Anchor(4, 1, "SM3", 60, head, 8, new byte[32], 0, null, chain.clock.instant(), keyId,
                    "ED25519", null);
            forged = forged.withSignature(SignatureAlgorithm.ED25519.sign(attackerKey.getPrivate(),
                    forged.payloadBytes()));
            Files.writeString(chain.anchorDir.resolve(forged.fileName()), forged.fileText());

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ANCHOR_FORGED, 60);
            assertDetected(result, ChainBreakage.ANCHOR_MISSING, 60);
        }
    }

    @Test
    void deleting_an_anchor_file_is_detected_AUD_3() throws Exception {
        try (ScratchChain chain = attackCopy()) {
            Files.delete(chain.anchorDir.resolve(Anchor.fileName(1)));

            assertDetected(chain.verifyFully(), ChainBreakage.ANCHOR_MISSING, 20);
        }
    }

    @Test
    void changing_a_batchs_merkle_root_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("UPDATE aud_batch SET merkle_root = '\\x" + "00".repeat(32) + "' WHERE id = 2");

            assertDetected(chain.verifyFully(), ChainBreakage.BATCH_ALTERED, 9);
        }
    }

    @Test
    void an_incremental_run_from_an_anchor_also_detects_a_change_after_it_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("UPDATE aud_entry SET outcome = 'DENIED' WHERE id = " + chain.idAtSeq(45));

            VerificationResult result = chain.verify(VerificationMode.INCREMENTAL, 2L);
            assertDetected(result, ChainBreakage.ENTRY_ALTERED, 45);
        }
    }

    @Test
    void switching_the_hash_algorithm_starts_a_new_segment_and_both_segments_verify_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.write(10, "document.read");
            chain.sealer(HashAlgorithm.SHA_256, 8).sealPending(true);
            chain.anchoring().anchorIfDue(Duration.ZERO);

            List<String> algorithms = chain.jdbc.sql("SELECT hash_algorithm FROM aud_segment ORDER BY id")
                    .query(String.class).list();
            assertThat(algorithms).containsExactly("SM3", "SHA-256");
            VerificationResult result = chain.verifyFully();
            assertThat(result.intact()).as(result.problems().toString()).isTrue();
            assertThat(result.entriesChecked()).isEqualTo(70);
            assertThat(chain.keys.current().algorithm().name().toLowerCase(Locale.ROOT)).isEqualTo("sm2");
        }
    }

    // Issue 8 item 8: the tree over the batches (BatchTree) and the tree roots signed in anchors version 2.
    // Template: batches 1-3 (8, 8, 4 entries) before anchor 1, 4-6 before anchor 2, 7-9 before anchor 3.

    @Test
    void the_template_anchors_sign_the_tree_over_the_batches_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            Map<String, Object> anchor = chain.anchorRow(3);
            assertThat(anchor.get("tree_size")).isEqualTo(9L);
            assertThat((String) anchor.get("payload")).startsWith(Anchor.HEADER_V2 + "\n").contains("tree-size=9");
            assertThat(chain.jdbc.sql("SELECT count(*) FROM aud_tree_leaf").query(Long.class).single()).isEqualTo(9);
        }
    }

    @Test
    void a_forged_node_of_the_batch_tree_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            // Leaf index 3 (batch 4) completes the subtrees at levels 0, 1 and 2; the level-2 node is replaced.
            chain.asDba("UPDATE aud_tree_leaf SET subtree_hashes = overlay(subtree_hashes PLACING"
                    + " decode(repeat('ab', 32), 'hex') FROM 65 FOR 32) WHERE batch_id = 4");

            assertDetected(chain.verifyFully(), ChainBreakage.TREE_ALTERED, 21);
        }
    }

    @Test
    void a_deleted_leaf_of_the_batch_tree_is_detected_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("DELETE FROM aud_tree_leaf WHERE batch_id = 9");

            VerificationResult result = chain.verifyFully();
            assertThat(result.intact()).isFalse();
            assertThat(result.problems()).extracting(ChainProblem::breakage).contains(ChainBreakage.TREE_ALTERED);
        }
    }

    @Test
    void an_anchor_signed_over_another_tree_root_is_detected_even_with_the_genuine_key_AUD_3() throws Exception {
        try (ScratchChain chain = attackCopy()) {
            // A host attacker with the signing key replaces anchor 3 (file and row) by one naming another tree root.
            Anchor original = Anchor.parse(Files.readString(chain.anchorDir.resolve(Anchor.fileName(3))));
            AnchorKeys.SigningKey key = chain.keys.current();
            Anchor unsigned = new Anchor(3, 1, "SM3", 60, original.headHash(), original.batchId(),
                    original.merkleRoot(), original.treeSize(), new byte[32], original.createdAt(), key.keyId(),
                    key.algorithm().name(), null);
            Anchor forged = unsigned.withSignature(key.algorithm().sign(key.privateKey(), unsigned.payloadBytes()));
            Files.writeString(chain.anchorDir.resolve(forged.fileName()), forged.fileText(), StandardCharsets.UTF_8);
            chain.asDba("DELETE FROM aud_anchor WHERE id = 3", "INSERT INTO aud_anchor (id, segment_id, seq, head_hash,"
                    + " batch_id, merkle_root, tree_size, tree_root, created_at, key_id, payload, signature)"
                    + " SELECT 3, 1, 60, decode('" + HexFormat.of().formatHex(forged.headHash()) + "', 'hex'), "
                    + forged.batchId() + ", decode('" + HexFormat.of().formatHex(forged.merkleRoot()) + "', 'hex'), 9,"
                    + " decode(repeat('00', 32), 'hex'), now(), '" + key.keyId() + "', '" + forged.payload()
                    + "', decode('" + HexFormat.of().formatHex(forged.signature()) + "', 'hex')");

            VerificationResult result = chain.verifyFully();
            assertDetected(result, ChainBreakage.ANCHOR_HASH_MISMATCH, 60);
            assertThat(result.problems()).extracting(ChainProblem::breakage)
                    .doesNotContain(ChainBreakage.ANCHOR_FORGED, ChainBreakage.ANCHOR_MISMATCH);
        }
    }

    @Test
    void a_chain_sealed_before_the_tree_existed_gets_its_tree_at_the_next_anchor_and_old_anchors_still_verify_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            // As after the upgrade: batches without tree rows. Catching up over them at the next anchor must give
            // exactly the roots the earlier anchors signed.
            chain.asDba("DELETE FROM aud_tree_leaf");
            chain.write(5, "document.read");
            chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);
            chain.clock.advance(Duration.ofMinutes(1));
            chain.anchoring().anchorIfDue(Duration.ZERO);

            VerificationResult result = chain.verifyFully();
            assertThat(result.intact()).as(result.problems().toString()).isTrue();
            assertThat(chain.anchorRow(4).get("tree_size")).isEqualTo(10L);
        }
    }

    @Test
    void entries_with_awkward_text_are_sealed_and_verify_intact_in_every_mode_AUD_3() {
        // The sealer and the verifier read entries as PostgreSQL's binary COPY and build the canonical body from
        // it; the MAC was made from Baomi's own encoding (CanonicalEntry) when writing: both must agree byte for byte.
        try (ScratchChain chain = attackCopy()) {
            String han = Character.toString(0x4E2D) + Character.toString(0x6587) + Character.toString(0x1F600);
            EntryWriter writer = chain.writer();
            chain.transactions.executeWithoutResult(s -> {
                writer.insert(new EntryWriter.NewEntry(chain.clock.instant(), null, han + " \\ back\tslash", "",
                        "ANONYMOUS", null, null, "document.read", null, null, null, "DENIED", "reason.key",
                        "{\"q\": \"a\\\"b\\\\c\\n" + han + "\", \"n\": [1, -2], \"nested\": {\"x\": null}}", null));
                writer.insert(new EntryWriter.NewEntry(chain.clock.instant().plusNanos(123_456_789), 7L, "x", "y",
                        "PERSON", "::1", "s", "document.read", "document", "D\n1", "SECRET", "ALLOWED", null,
                        "{\"d\": 1.50}", "P-" + han));
            });
            assertThat(chain.sealer(HashAlgorithm.SM3, 8).sealPending(true).unauthenticated())
                    .as("the MACs made from Java's encoding verify on the binary reading").isEmpty();

            for (VerificationMode mode : VerificationMode.values()) {
                VerificationResult result = chain.verify(mode, 3L);
                assertThat(result.intact()).as(mode + " " + result.problems()).isTrue();
            }
            assertThat(chain.verify(VerificationMode.DEEP, null).entriesChecked()).isEqualTo(62);
        }
    }

    @Test
    void rewriting_a_sealed_but_not_yet_anchored_entry_and_recomputing_its_batch_is_detected_by_the_seal_mac_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.write(8, "document.read");
            chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);
            assertThat(chain.head()).isEqualTo(68);
            // Within the anchor interval the DBA changes entry 63 and recomputes every hash from it on and the batch's
            // Merkle root: hashes, links and roots are consistent again; only the MAC key is out of reach.
            chain.asDba("UPDATE aud_entry SET outcome = 'DENIED' WHERE id = " + chain.idAtSeq(63));
            byte[] prev = chain.jdbc.sql("SELECT entry_hash FROM aud_chain WHERE seq = 62").query(byte[].class)
                    .single();
            List<byte[]> batchHashes = new java.util.ArrayList<>(chain.jdbc.sql("SELECT entry_hash FROM aud_chain"
                    + " WHERE seq BETWEEN 61 AND 62 ORDER BY seq").query(byte[].class).list());
            List<String> updates = new java.util.ArrayList<>();
            for (long seq = 63; seq <= 68; seq++) {
                EntryRow row = chain.jdbc.sql("SELECT " + EntryRow.COLUMNS + " FROM aud_entry e WHERE e.id = :id")
                        .param("id", chain.idAtSeq(seq)).query((rs, i) -> EntryRow.read(rs)).single();
                byte[] hash = HashAlgorithm.SM3.hash(CanonicalEntry.hashInput(prev, seq, row));
                updates.add("UPDATE aud_chain SET prev_hash = '\\x" + HexFormat.of().formatHex(prev)
                        + "', entry_hash = '\\x" + HexFormat.of().formatHex(hash) + "' WHERE seq = " + seq);
                batchHashes.add(hash);
                prev = hash;
            }
            updates.add("UPDATE aud_batch SET merkle_root = '\\x"
                    + HexFormat.of().formatHex(Merkle.root(HashAlgorithm.SM3, batchHashes)) + "' WHERE first_seq = 61");
            chain.asDba(updates.toArray(String[]::new));

            VerificationResult full = chain.verifyFully();
            assertDetected(full, ChainBreakage.BATCH_ALTERED, 61);
            assertThat(full.problems()).extracting(ChainProblem::breakage)
                    .as("hashes, links and the root are consistent").containsOnly(ChainBreakage.BATCH_ALTERED);
            assertDetected(chain.verify(VerificationMode.DEEP, null), ChainBreakage.ENTRY_NOT_AUTHENTIC, 63);
        }
    }

    @Test
    void flipping_the_mac_verdict_of_a_forged_entry_is_detected_by_the_seal_mac_AUD_3() {
        try (ScratchChain chain = attackCopy()) {
            chain.asDba("INSERT INTO aud_entry (occurred_at, actor_kind, action, outcome, mac)"
                    + " VALUES (now(), 'PERSON', 'document.read', 'ALLOWED', '\\x00')");
            assertThat(chain.sealer(HashAlgorithm.SM3, 8).sealPending(true).unauthenticated()).hasSize(1);
            chain.asDba("UPDATE aud_chain SET mac_valid = true WHERE seq = 61");

            VerificationResult full = chain.verifyFully();
            assertDetected(full, ChainBreakage.BATCH_ALTERED, 61);
            assertDetected(chain.verify(VerificationMode.DEEP, null), ChainBreakage.ENTRY_NOT_AUTHENTIC, 61);
        }
    }
}
