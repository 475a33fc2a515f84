package org.baomi.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The candidate SM3 ({@link Sm3}, AUD-3, issue 8 verification speed) against the standard's examples and against
 * BouncyCastle's {@code SM3Digest}, which the chain uses.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Sm3Test {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] digest(Sm3 sm3, byte[] input) {
        sm3.update(input, 0, input.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return out;
    }

    @Test
    void gives_the_two_examples_of_gb_t_32905_appendix_a_AUD_3() {
        Sm3 sm3 = new Sm3();
        // Example 1: "abc" (one block after padding).
        assertThat(HEX.formatHex(digest(sm3, "abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        // Example 2: "abcd" 16 times (64 bytes: a full block, then a padding block); the same instance, reset.
        assertThat(HEX.formatHex(digest(sm3, "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void equals_bouncycastle_on_random_inputs_of_every_length_fed_in_random_pieces_AUD_3() {
        SplittableRandom random = new SplittableRandom(32905);
        Sm3 mine = new Sm3();
        SM3Digest reference = new SM3Digest();
        for (int length = 0; length <= 700; length++) {
            for (int trial = 0; trial < 3; trial++) {
                byte[] input = new byte[length];
                random.nextBytes(input);
                int at = 0;
                while (at < length) {
                    int piece = trial == 0 ? length - at : Math.min(length - at, random.nextInt(1, 130));
                    if (piece == 1 && trial == 2) {
                        mine.update(input[at]);
                    } else {
                        mine.update(input, at, piece);
                    }
                    at += piece;
                }
                reference.update(input, 0, length);
                byte[] expected = new byte[32];
                reference.doFinal(expected, 0);
                byte[] actual = new byte[32];
                assertThat(mine.doFinal(actual, 0)).isEqualTo(32);
                assertThat(actual).as("length %d, trial %d", length, trial).isEqualTo(expected);
            }
        }
    }

    @Test
    void hmac_over_it_equals_hmac_over_bouncycastle_and_reuses_its_keyed_state_AUD_3() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] key = new byte[32];
        random.nextBytes(key);
        HMac mine = new HMac(new Sm3());
        mine.init(new KeyParameter(key));
        HMac reference = new HMac(new SM3Digest());
        reference.init(new KeyParameter(key));
        for (int i = 0; i < 200; i++) {
            byte[] input = new byte[random.nextInt(0, 400)];
            random.nextBytes(input);
            mine.update(input, 0, input.length);
            reference.update(input, 0, input.length);
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            mine.doFinal(a, 0);
            reference.doFinal(b, 0);
            assertThat(a).isEqualTo(b);
        }
    }
}
