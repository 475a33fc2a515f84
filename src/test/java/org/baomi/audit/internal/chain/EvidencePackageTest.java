package org.baomi.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.baomi.audit.OfflineVerifier;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence packages and archive files against the offline verifier as shipped (issue 8 items 6 and 8, AUD-3): a real
 * export verifies; a changed entry, a changed proof node, a wrong anchor signature, an entry from another log, and
 * a changed package under its signature each fail. Runs on scratch databases of its own.
 *
 * <p>The chain: 60 entries sealed in batches of at most 8, anchored after 30 and after 60 (two segments' worth of
 * trees is covered by ChainTamperTest); the other log: 12 entries with keys of its own.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EvidencePackageTest {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final Path ROOT = Path.of("target", "test-evidence", RUN);
    private static ScratchChain chain;
    private static ScratchChain other;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void buildOnce() throws Exception {
        synchronized (EvidencePackageTest.class) {
            if (chain != null) {
                return;
            }
            String url;
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
            }
            chain = ScratchChain.create(url, "evid_" + RUN, ROOT.resolve("main"));
            for (int round = 0; round < 2; round++) {
                chain.write(30, round == 0 ? "document.read" : "document.print");
                chain.sealer(HashAlgorithm.SM3, 8).sealPending(true);
                chain.anchoring().anchorIfDue(Duration.ZERO);
                chain.clock.advance(Duration.ofMinutes(1));
            }
            other = ScratchChain.create(url, "evid_other_" + RUN, ROOT.resolve("other"));
            other.write(12, "document.read");
            other.sealer(HashAlgorithm.SM3, 8).sealPending(true);
            other.anchoring().anchorIfDue(Duration.ZERO);
        }
    }

    @AfterAll
    static void drop() {
        if (chain != null) {
            chain.close();
            other.close();
            chain = null;
        }
    }

    private static byte[] evidence(ScratchChain from, List<Long> seqs) {
        ProofPackages packages = from.packages();
        ProofPackages.Built built = from.transactions.execute(s -> packages.evidence(seqs,
                new LinkedHashMap<>(Map.of("caseReference", "CASE-7"))));
        return packages.zip("evidence", built.json());
    }

    @Test
    void a_real_export_verifies_offline_with_each_entry_and_the_anchor_AUD_3() {
        byte[] zip = evidence(chain, List.of(3L, 17L, 42L, 60L));

        assertThat(OfflineVerifier.names(zip)).containsExactly("evidence.json", "evidence.sig", "README.txt");
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(zip, ".zip", ROOT);
        assertThat(outcome.verified()).as(outcome.output()).isTrue();
        assertThat(outcome.output()).contains("Entries: 4 (sequence 3 to 60)").contains("case CASE-7")
                .contains("#42").contains("document.print").contains("Anchor: 2 at sequence 60");
        assertThat(OfflineVerifier.verify(zip, ".zip", ROOT, "--trusted-keys", chain.anchorDir.resolve("keys")
                .toString()).verified()).as("with the hospital's published keys").isTrue();
        assertThat(OfflineVerifier.verify(zip, ".zip", ROOT, "--trusted-keys", other.anchorDir.resolve("keys")
                .toString()).output()).as("with another hospital's keys").contains("is not among the trusted keys");
    }

    @Test
    void one_entry_s_proof_stays_small_AUD_3() throws Exception {
        JsonNode pkg = json.readTree(jsonOf(evidence(chain, List.of(17L))));
        // 8-entry batches: 3 hashes inside the batch; 8 batches in the tree: 3 hashes up to the anchor.
        assertThat(pkg.get("entries").get(0).get("path").size()).isEqualTo(3);
        assertThat(pkg.get("batches").get(0).get("treePath").size()).isEqualTo(3);
    }

    @Test
    void a_changed_entry_fails_even_when_its_hash_is_recomputed_AUD_3() throws Exception {
        byte[] changed = tampered(evidence(chain, List.of(3L, 17L)), pkg -> {
            ObjectNode entry = (ObjectNode) pkg.get("entries").get(1);
            byte[] body = Base64.getDecoder().decode(entry.get("body").asString());
            String text = new String(body, StandardCharsets.ISO_8859_1).replace("document.read", "document.edit");
            entry.put("body", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1)));
            ((ObjectNode) entry.get("entry")).put("action", "document.edit");
        });
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(changed, ".zip", ROOT);
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.output()).contains("entry at sequence 17 does not match its entry hash")
                .contains("NOT VERIFIED");

        byte[] rehashed = tampered(changed, pkg -> {
            ObjectNode entry = (ObjectNode) pkg.get("entries").get(1);
            CanonicalEntry.Buffer input = new CanonicalEntry.Buffer(400);
            input.bytes(java.util.HexFormat.of().parseHex(entry.get("prevHash").asString()));
            input.i64(17);
            input.bytes(Base64.getDecoder().decode(entry.get("body").asString()));
            input.optBytes(Base64.getDecoder().decode(entry.get("mac").asString()));
            entry.put("entryHash", java.util.HexFormat.of().formatHex(HashAlgorithm.SM3.hash(input.toArray())));
        });
        OfflineVerifier.Outcome again = OfflineVerifier.verify(rehashed, ".zip", ROOT);
        assertThat(again.output()).contains("entry at sequence 17 is not in batch").contains("NOT VERIFIED");
    }

    @Test
    void a_changed_proof_node_fails_AUD_3() throws Exception {
        byte[] zip = evidence(chain, List.of(42L));
        OfflineVerifier.Outcome entryPath = OfflineVerifier.verify(tampered(zip, pkg ->
                flipFirst((ArrayNode) pkg.get("entries").get(0).get("path"))), ".zip", ROOT);
        assertThat(entryPath.output()).contains("entry at sequence 42 is not in batch").contains("NOT VERIFIED");

        OfflineVerifier.Outcome treePath = OfflineVerifier.verify(tampered(zip, pkg ->
                flipFirst((ArrayNode) pkg.get("batches").get(0).get("treePath"))), ".zip", ROOT);
        assertThat(treePath.output()).contains("is not in the tree signed by anchor 2").contains("NOT VERIFIED");
    }

    @Test
    void a_wrong_anchor_signature_fails_AUD_3() throws Exception {
        byte[] changed = tampered(evidence(chain, List.of(5L)), pkg -> {
            ObjectNode anchor = (ObjectNode) pkg.get("anchors").get(0);
            String file = anchor.get("file").asString();
            String signature = file.substring(file.indexOf("signature=") + 10).strip();
            byte[] raw = Base64.getDecoder().decode(signature);
            raw[raw.length / 2] ^= 1;
            anchor.put("file", file.replace(signature, Base64.getEncoder().encodeToString(raw)));
        });
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(changed, ".zip", ROOT);
        assertThat(outcome.output()).contains("anchor 2 has no valid signature").contains("NOT VERIFIED");
    }

    @Test
    void an_entry_from_another_log_fails_AUD_3() throws Exception {
        JsonNode foreign = json.readTree(jsonOf(evidence(other, List.of(5L))));
        byte[] mixed = tampered(evidence(chain, List.of(3L)), pkg -> {
            ObjectNode stranger = (ObjectNode) foreign.get("entries").get(0);
            ((ArrayNode) pkg.get("entries")).add(stranger);
            ((ObjectNode) pkg).put("entryCount", 2);
        });
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(mixed, ".zip", ROOT);
        assertThat(outcome.output()).contains("entry at sequence 5 is not in batch").contains("NOT VERIFIED");
    }

    @Test
    void a_changed_package_fails_its_signature_AUD_3() throws Exception {
        byte[] zip = evidence(chain, List.of(3L));
        byte[] changed = rezip(jsonOf(zip).replace("CASE-7", "CASE-8").getBytes(StandardCharsets.UTF_8),
                entry(zip, "evidence.sig"));
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(changed, ".zip", ROOT);
        assertThat(outcome.output()).contains("the package signature does not verify").contains("NOT VERIFIED");
    }

    @Test
    void an_archive_of_whole_batches_verifies_and_a_missing_entry_fails_AUD_3() throws Exception {
        ProofPackages packages = chain.packages();
        ProofPackages.Built built = chain.transactions.execute(s -> packages.archive(1, 4, Map.of("archiveId", 1)));
        assertThat(built.entries()).isEqualTo(30);
        byte[] zip = packages.zip("archive", built.json());
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(zip, ".zip", ROOT);
        assertThat(outcome.verified()).as(outcome.output()).isTrue();
        assertThat(outcome.output()).contains("Baomi archive package").contains("Entries: 30 (sequence 1 to 30)");

        byte[] gap = rezip(tamperJson(jsonOf(zip), pkg -> {
            ((ArrayNode) pkg.get("entries")).remove(12);
            ((ObjectNode) pkg).put("entryCount", 29);
        }), null);
        OfflineVerifier.Outcome broken = OfflineVerifier.verify(gap, ".zip", ROOT);
        assertThat(broken.output()).contains("the archive's signature file (.sig) is missing")
                .contains("the archive has a gap before sequence 14").contains("NOT VERIFIED");
    }

    @Test
    void the_archive_writer_exports_every_old_batch_in_signed_files_that_verify_and_deletes_nothing_AUD_3()
            throws Exception {
        try (ScratchChain copy = chain.copy("evid_arch_" + RUN)) {
            Path dir = ROOT.resolve("archive");
            ArchiveWriter writer = new ArchiveWriter(copy.jdbc, copy.transactions, copy.packages(), dir, copy.clock);
            java.time.Instant before = java.time.Instant.parse("2026-01-01T00:00:00Z");
            assertThat(writer.eligible(before).batches()).as("nothing sealed before the cut-off").isZero();
            assertThat(writer.writeNext(before, 20, null, w -> { })).isEmpty();

            java.time.Instant cutoff = copy.clock.instant();
            assertThat(writer.eligible(cutoff)).isEqualTo(new ArchiveWriter.Eligible(8, 60));
            java.util.List<ArchiveWriter.Written> files = new java.util.ArrayList<>();
            java.util.List<Long> recorded = new java.util.ArrayList<>();
            for (var next = writer.writeNext(cutoff, 20, 7L, w -> recorded.add(w.id())); next.isPresent();
                    next = writer.writeNext(cutoff, 20, 7L, w -> recorded.add(w.id()))) {
                files.add(next.get());
            }

            // 8, 8, 8, 6 | 8, 8, 8, 6 entries per batch, at most 20 per file: 16, 14, 16, 14.
            assertThat(files).extracting(ArchiveWriter.Written::entries).containsExactly(16L, 14L, 16L, 14L);
            assertThat(files.get(1).firstSeq()).isEqualTo(files.get(0).lastSeq() + 1);
            assertThat(recorded).containsExactly(1L, 2L, 3L, 4L);
            for (ArchiveWriter.Written file : files) {
                OfflineVerifier.Outcome outcome = OfflineVerifier.verify(dir.resolve(file.fileName()));
                assertThat(outcome.verified()).as(outcome.output()).isTrue();
                assertThat(outcome.output()).contains("Entries: " + file.entries());
            }
            assertThat(writer.eligible(cutoff).batches()).isZero();
            assertThat(copy.jdbc.sql("SELECT count(*) FROM aud_entry").query(Long.class).single())
                    .as("archived, never deleted").isEqualTo(60);
            assertThat(copy.jdbc.sql("SELECT count(*) FROM aud_archive").query(Long.class).single()).isEqualTo(4);
            var result = copy.verifyFully();
            assertThat(result.intact()).as(result.problems().toString()).isTrue();

            byte[] original = java.nio.file.Files.readAllBytes(dir.resolve(files.get(2).fileName()));
            byte[] cut = rezip(tamperJson(new String(entry(original, "archive.json"), StandardCharsets.UTF_8),
                    pkg -> ((ObjectNode) ((ArrayNode) pkg.get("entries")).get(3)).put("prevHash", "00".repeat(32))),
                    entry(original, "archive.sig"));
            OfflineVerifier.Outcome broken = OfflineVerifier.verify(cut, ".zip", ROOT);
            assertThat(broken.output()).contains("NOT VERIFIED").contains("package signature does not verify");
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The package with its JSON changed and without its signature (so that the proof checks are what fails). */
    private byte[] tampered(byte[] zip, Consumer<JsonNode> change) {
        return rezip(tamperJson(jsonOf(zip), change), null);
    }

    private byte[] tamperJson(String text, Consumer<JsonNode> change) {
        JsonNode pkg = json.readTree(text);
        change.accept(pkg);
        return json.writeValueAsBytes(pkg);
    }

    private static void flipFirst(ArrayNode hashes) {
        String h = hashes.get(0).asString();
        hashes.set(0, hashes.stringNode((h.charAt(0) == '0' ? "1" : "0") + h.substring(1)));
    }

    private static String jsonOf(byte[] zip) {
        return new String(entry(zip, "evidence.json"), StandardCharsets.UTF_8).isEmpty()
                ? new String(entry(zip, "archive.json"), StandardCharsets.UTF_8)
                : new String(entry(zip, "evidence.json"), StandardCharsets.UTF_8);
    }

    private static byte[] entry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rezip(byte[] jsonBytes, byte[] sig) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("evidence.json"));
            zip.write(jsonBytes);
            zip.closeEntry();
            if (sig != null) {
                zip.putNextEntry(new ZipEntry("evidence.sig"));
                zip.write(sig);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
