package org.baomi.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's building blocks, without a database (AUD-3). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChainPrimitivesTest {

    private static final HexFormat HEX = HexFormat.of();

    private static EntryRow row(String actorName, String action) {
        return new EntryRow(7, 1_700_000_000_000_000L, 3L, actorName, "Cardiology", "PERSON", "10.0.0.1", null, action,
                "document", "D-1", "SECRET", "ALLOWED", null, "{}", null, null);
    }

    @Test
    void sm3_and_sha_256_give_the_published_test_vectors_AUD_3() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(HashAlgorithm.SM3.hash(abc)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(HEX.formatHex(HashAlgorithm.SHA_256.hash(abc)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void the_canonical_encoding_tells_apart_fields_that_would_concatenate_alike_AUD_3() {
        assertThat(CanonicalEntry.body(row("ab", "c.read"))).isNotEqualTo(CanonicalEntry.body(row("abc", ".read")));
        assertThat(CanonicalEntry.body(row(null, "x"))).isNotEqualTo(CanonicalEntry.body(row("", "x")));
        assertThat(CanonicalEntry.body(row("a", "x"))[0]).as("version byte").isEqualTo(CanonicalEntry.VERSION);
    }

    @Test
    void the_entry_hash_depends_on_the_position_and_the_previous_hash_AUD_3() {
        EntryRow e = row("a", "x");
        byte[] prev = new byte[32];
        byte[] h1 = HashAlgorithm.SM3.hash(CanonicalEntry.hashInput(prev, 1, e));
        assertThat(HashAlgorithm.SM3.hash(CanonicalEntry.hashInput(prev, 2, e))).isNotEqualTo(h1);
        prev[31] = 1;
        assertThat(HashAlgorithm.SM3.hash(CanonicalEntry.hashInput(prev, 1, e))).isNotEqualTo(h1);
    }

    @Test
    void the_mac_verifies_only_the_entry_it_was_made_for_and_only_with_its_key_AUD_3() {
        EntryMac mac = new EntryMac(new byte[32]);
        EntryRow e = row("a", "x");
        EntryRow signed = e.withMac(mac.mac(e));
        assertThat(mac.verifies(signed)).isTrue();
        assertThat(mac.verifies(row("b", "x").withMac(signed.mac()))).isFalse();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new EntryMac(otherKey).verifies(signed)).isFalse();
        assertThat(mac.verifies(e)).as("no MAC at all").isFalse();
    }

    @Test
    void copy_rows_write_timestamps_to_the_microsecond_and_escape_text_AUD_3() {
        StringBuilder out = new StringBuilder();
        EntryCopy.timestamp(out, EntryRow.micros(Instant.parse("2026-11-22T08:05:09.000042Z")));
        assertThat(out).hasToString("2026-11-22 08:05:09.000042+00");
        out.setLength(0);
        EntryCopy.timestamp(out, -1);
        assertThat(out).hasToString("1969-12-31 23:59:59.999999+00");
        out.setLength(0);
        EntryRow row = new EntryRow(5, 0, null, "a\\b\tc\nd\re", null, "PERSON", null, null, "x", null, null, null,
                "ALLOWED", null, "{}", null, new byte[] {1, (byte) 0xab});
        EntryCopy.append(out, row);
        assertThat(out.toString()).isEqualTo("5\t1970-01-01 00:00:00.000000+00\t\\N\ta\\\\b\\tc\\nd\\re\t\\N\tPERSON"
                + "\t\\N\t\\N\tx\t\\N\t\\N\t\\N\tALLOWED\t\\N\t{}\t\\N\t\\\\x01ab\n");
    }

    @Test
    void the_merkle_root_has_the_rfc_6962_shape_AUD_3() {
        HashAlgorithm h = HashAlgorithm.SHA_256;
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaves.add(h.hash(new byte[] {(byte) i}));
        }
        byte[] l0 = h.hash(new byte[] {0}, leaves.get(0));
        byte[] l1 = h.hash(new byte[] {0}, leaves.get(1));
        byte[] l2 = h.hash(new byte[] {0}, leaves.get(2));
        byte[] expected = h.hash(new byte[] {1}, h.hash(new byte[] {1}, l0, l1), l2);
        assertThat(Merkle.root(h, leaves)).isEqualTo(expected);
        assertThat(Merkle.root(h, leaves.subList(0, 1))).isEqualTo(l0);
    }

    @Test
    void sm2_and_ed25519_signatures_verify_and_a_changed_payload_does_not_AUD_3() {
        byte[] message = "payload".getBytes(StandardCharsets.US_ASCII);
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            var pair = algorithm.generate();
            byte[] signature = algorithm.sign(pair.getPrivate(), message);
            var publicKey = algorithm.publicKey(pair.getPublic().getEncoded());
            assertThat(algorithm.verify(publicKey, message, signature)).as(algorithm.name()).isTrue();
            assertThat(algorithm.verify(publicKey, "payloaD".getBytes(StandardCharsets.US_ASCII), signature))
                    .as(algorithm.name()).isFalse();
            assertThat(algorithm.verify(publicKey, message, new byte[] {1, 2, 3})).isFalse();
        }
    }

    @Test
    void anchor_keys_are_created_once_with_owner_only_permissions_and_rotation_keeps_the_old_public_key_AUD_3(
            @TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
        AnchorKeys keys = new AnchorKeys(dir.resolve("keys"), dir.resolve("anchors"), SignatureAlgorithm.SM2, clock);
        String first = keys.current().keyId();
        assertThat(new AnchorKeys(dir.resolve("keys"), dir.resolve("anchors"), SignatureAlgorithm.SM2, clock)
                .current().keyId()).as("loaded again, not made anew").isEqualTo(first);
        Path privateKey = dir.resolve("keys").resolve("audit-anchor-" + first + ".key");
        assertThat(Files.getPosixFilePermissions(privateKey))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(dir.resolve("anchors").resolve("keys").resolve(first + ".pub")).exists();

        String second = keys.rotate().keyId();
        assertThat(second).isNotEqualTo(first);
        assertThat(keys.trustedKeys()).containsKeys(first, second);
        assertThat(new AnchorKeys(dir.resolve("keys"), dir.resolve("anchors"), SignatureAlgorithm.ED25519, clock)
                .current().algorithm()).as("a changed algorithm setting makes a new key")
                .isEqualTo(SignatureAlgorithm.ED25519);
    }

    @Test
    void an_anchor_survives_its_file_form_unchanged_AUD_3() {
        Anchor anchor = new Anchor(5, 2, "SM3", 1234, new byte[32], 17, new byte[32], 0, null,
                Instant.parse("2026-11-22T01:02:03.456Z"), "abcd", "SM2", new byte[] {1, 2, 3});
        assertThat(Anchor.parse(anchor.fileText()).fileText()).isEqualTo(anchor.fileText());
        assertThat(anchor.payload()).as("without a tree: version 1, as before issue 8 item 8")
                .startsWith(Anchor.HEADER + "\n").doesNotContain("tree-");
        Anchor v2 = new Anchor(6, 2, "SM3", 1234, new byte[32], 17, new byte[32], 9, new byte[32],
                Instant.parse("2026-11-22T01:02:03.456Z"), "abcd", "SM2", new byte[] {1, 2, 3});
        assertThat(v2.payload()).startsWith(Anchor.HEADER_V2 + "\n").contains("\ntree-size=9\n");
        assertThat(Anchor.parse(v2.fileText()).fileText()).isEqualTo(v2.fileText());
        assertThatThrownBy(() -> Anchor.parse(v2.fileText().replace(Anchor.HEADER_V2, Anchor.HEADER)))
                .as("a version 1 header with tree lines").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Anchor.parse("not an anchor")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_retention_below_180_days_is_refused_with_a_clear_message_AUD_3() {
        assertThatThrownBy(() -> new AuditChainProperties(null, null, null, null, null, null, 90, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention-days is 90").hasMessageContaining("at least 180");
        AuditChainProperties defaults = new AuditChainProperties(null, null, null, null, null, null, null, null);
        assertThat(defaults.retentionDays()).isEqualTo(180);
        assertThat(defaults.hashAlgorithm()).isEqualTo(HashAlgorithm.SM3);
        assertThat(defaults.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SM2);
        assertThat(defaults.anchorInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new AuditChainProperties(null, null, null, null, null, null, 365, null).retentionDays())
                .isEqualTo(365);
        assertThat(Set.of(HashAlgorithm.values())).hasSize(2);
    }

    @Test
    void the_entry_mac_key_is_created_once_and_a_second_instance_uses_the_same_key_AUD_3(@TempDir Path dir)
            throws Exception {
        EntryMac first = EntryMac.fromKeysDir(dir);
        EntryMac second = EntryMac.fromKeysDir(dir);
        EntryRow e = row("a", "x");
        assertThat(second.verifies(e.withMac(first.mac(e)))).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.resolve(EntryMac.KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        byte[] before = Files.readAllBytes(dir.resolve(EntryMac.KEY_FILE));
        KeyFiles.writeIfAbsent(dir.resolve(EntryMac.KEY_FILE), "other".getBytes(StandardCharsets.US_ASCII), true);
        assertThat(Files.readAllBytes(dir.resolve(EntryMac.KEY_FILE))).as("never replaced").isEqualTo(before);
    }
}
