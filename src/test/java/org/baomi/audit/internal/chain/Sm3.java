package org.baomi.audit.internal.chain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * A candidate SM3 (GB/T 32905-2016) for the audit chain (AUD-3; issue 8 "verification ≥ 300,000 entries/s with
 * SM3"), kept beside the tests and measured by {@code benchmarks/audit-hash.sh}; the chain itself still uses
 * BouncyCastle's {@code SM3Digest}. The idea: four rounds unrolled with the state words renamed instead of moved
 * (round r writes its new A into D's variable and its new E into H's), W' computed inline, the message expansion
 * interleaved with the rounds, and message words read four bytes at a time. On the loaded shared machine it came
 * out within measuring noise of BouncyCastle's (both about 0.45-0.55 µs of CPU per block), so it is not switched on:
 * SM3's rounds are one long dependency chain either way. Switch {@code HashAlgorithm} and {@code EntryMac} to it only
 * if an idle run of the benchmark shows a clear gain.
 *
 * <p>Checked by {@code Sm3Test}: the two examples of GB/T 32905 appendix A, and equality with BouncyCastle on
 * random inputs of every length up to several blocks fed in random pieces, also under HMAC. Implements
 * BouncyCastle's {@link ExtendedDigest} and {@link Memoable}, so {@code HMac} keeps its keyed inner and outer states
 * (as with {@code SM3Digest}). Not thread-safe.
 */
public final class Sm3 implements ExtendedDigest, Memoable {

    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int BLOCK = 64;
    private static final int[] IV = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa,
        0xe38dee4d, 0xb0fb0e4e};
    /** T_j rotated left by j mod 32, as the round function uses it. */
    private static final int[] T = new int[64];

    static {
        for (int j = 0; j < 64; j++) {
            T[j] = Integer.rotateLeft(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32);
        }
    }

    private int v0;
    private int v1;
    private int v2;
    private int v3;
    private int v4;
    private int v5;
    private int v6;
    private int v7;
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long length;
    private final int[] w = new int[68];

    public Sm3() {
        reset();
    }

    private Sm3(Sm3 other) {
        reset(other);
    }

    @Override
    public String getAlgorithmName() {
        return "SM3";
    }

    @Override
    public int getDigestSize() {
        return 32;
    }

    @Override
    public int getByteLength() {
        return BLOCK;
    }

    @Override
    public void update(byte in) {
        buffer[buffered++] = in;
        length++;
        if (buffered == BLOCK) {
            compress(buffer, 0);
            buffered = 0;
        }
    }

    @Override
    public void update(byte[] in, int offset, int len) {
        length += len;
        if (buffered > 0) {
            int take = Math.min(len, BLOCK - buffered);
            System.arraycopy(in, offset, buffer, buffered, take);
            buffered += take;
            offset += take;
            len -= take;
            if (buffered < BLOCK) {
                return;
            }
            compress(buffer, 0);
            buffered = 0;
        }
        while (len >= BLOCK) {
            compress(in, offset);
            offset += BLOCK;
            len -= BLOCK;
        }
        if (len > 0) {
            System.arraycopy(in, offset, buffer, 0, len);
            buffered = len;
        }
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        long bits = length << 3;
        buffer[buffered++] = (byte) 0x80;
        if (buffered > BLOCK - 8) {
            java.util.Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
            compress(buffer, 0);
            buffered = 0;
        }
        java.util.Arrays.fill(buffer, buffered, BLOCK - 8, (byte) 0);
        BIG_ENDIAN_INT.set(buffer, BLOCK - 8, (int) (bits >>> 32));
        BIG_ENDIAN_INT.set(buffer, BLOCK - 4, (int) bits);
        compress(buffer, 0);
        BIG_ENDIAN_INT.set(out, offset, v0);
        BIG_ENDIAN_INT.set(out, offset + 4, v1);
        BIG_ENDIAN_INT.set(out, offset + 8, v2);
        BIG_ENDIAN_INT.set(out, offset + 12, v3);
        BIG_ENDIAN_INT.set(out, offset + 16, v4);
        BIG_ENDIAN_INT.set(out, offset + 20, v5);
        BIG_ENDIAN_INT.set(out, offset + 24, v6);
        BIG_ENDIAN_INT.set(out, offset + 28, v7);
        reset();
        return 32;
    }

    @Override
    public void reset() {
        v0 = IV[0];
        v1 = IV[1];
        v2 = IV[2];
        v3 = IV[3];
        v4 = IV[4];
        v5 = IV[5];
        v6 = IV[6];
        v7 = IV[7];
        buffered = 0;
        length = 0;
    }

    @Override
    public Memoable copy() {
        return new Sm3(this);
    }

    @Override
    public void reset(Memoable other) {
        Sm3 o = (Sm3) other;
        v0 = o.v0;
        v1 = o.v1;
        v2 = o.v2;
        v3 = o.v3;
        v4 = o.v4;
        v5 = o.v5;
        v6 = o.v6;
        v7 = o.v7;
        System.arraycopy(o.buffer, 0, buffer, 0, BLOCK);
        buffered = o.buffered;
        length = o.length;
    }

    private static int p0(int x) {
        return x ^ Integer.rotateLeft(x, 9) ^ Integer.rotateLeft(x, 17);
    }

    private static int p1(int x) {
        return x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23);
    }

    private static void expand(int[] w, int j) {
        w[j] = p1(w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15)) ^ Integer.rotateLeft(w[j - 13], 7)
                ^ w[j - 6];
    }

    private static void expand4(int[] w, int j) {
        expand(w, j);
        expand(w, j + 1);
        expand(w, j + 2);
        expand(w, j + 3);
    }

    /*
     * One round on (a, b, c, d, e, f, g, h) returns nothing: it stores the new A in d's variable, rotl(b, 9) in b's,
     * the new E in h's and rotl(f, 19) in f's, so the next round works on (d, a, b, c, h, e, f, g). Four such rounds
     * bring the names back to where they started, hence the unrolling by four below.
     */
    private void compress(byte[] in, int offset) {
        int[] w = this.w;
        for (int j = 0; j < 16; j++) {
            w[j] = (int) BIG_ENDIAN_INT.get(in, offset + 4 * j);
        }
        for (int j = 16; j < 20; j++) {
            expand(w, j);
        }
        int a = v0;
        int b = v1;
        int c = v2;
        int d = v3;
        int e = v4;
        int f = v5;
        int g = v6;
        int h = v7;
        int a12;
        int ss1;
        for (int j = 0; j < 16; j += 4) {
            // The message expansion runs four words ahead of the rounds, interleaved with them: the rounds are one
            // long dependency chain, and the expansion's independent work fills the gaps.
            expand4(w, j + 20);
            // round j on (a, b, c, d, e, f, g, h)
            a12 = Integer.rotateLeft(a, 12);
            ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
            d += (a ^ b ^ c) + (ss1 ^ a12) + (w[j] ^ w[j + 4]);
            h += (e ^ f ^ g) + ss1 + w[j];
            b = Integer.rotateLeft(b, 9);
            f = Integer.rotateLeft(f, 19);
            h = p0(h);
            // round j + 1 on (d, a, b, c, h, e, f, g)
            a12 = Integer.rotateLeft(d, 12);
            ss1 = Integer.rotateLeft(a12 + h + T[j + 1], 7);
            c += (d ^ a ^ b) + (ss1 ^ a12) + (w[j + 1] ^ w[j + 5]);
            g += (h ^ e ^ f) + ss1 + w[j + 1];
            a = Integer.rotateLeft(a, 9);
            e = Integer.rotateLeft(e, 19);
            g = p0(g);
            // round j + 2 on (c, d, a, b, g, h, e, f)
            a12 = Integer.rotateLeft(c, 12);
            ss1 = Integer.rotateLeft(a12 + g + T[j + 2], 7);
            b += (c ^ d ^ a) + (ss1 ^ a12) + (w[j + 2] ^ w[j + 6]);
            f += (g ^ h ^ e) + ss1 + w[j + 2];
            d = Integer.rotateLeft(d, 9);
            h = Integer.rotateLeft(h, 19);
            f = p0(f);
            // round j + 3 on (b, c, d, a, f, g, h, e)
            a12 = Integer.rotateLeft(b, 12);
            ss1 = Integer.rotateLeft(a12 + f + T[j + 3], 7);
            a += (b ^ c ^ d) + (ss1 ^ a12) + (w[j + 3] ^ w[j + 7]);
            e += (f ^ g ^ h) + ss1 + w[j + 3];
            c = Integer.rotateLeft(c, 9);
            g = Integer.rotateLeft(g, 19);
            e = p0(e);
        }
        for (int j = 16; j < 64; j += 4) {
            if (j + 20 < 68) {
                expand4(w, j + 20);
            }
            a12 = Integer.rotateLeft(a, 12);
            ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
            d += ((a & b) | (c & (a | b))) + (ss1 ^ a12) + (w[j] ^ w[j + 4]);
            h += (g ^ (e & (f ^ g))) + ss1 + w[j];
            b = Integer.rotateLeft(b, 9);
            f = Integer.rotateLeft(f, 19);
            h = p0(h);

            a12 = Integer.rotateLeft(d, 12);
            ss1 = Integer.rotateLeft(a12 + h + T[j + 1], 7);
            c += ((d & a) | (b & (d | a))) + (ss1 ^ a12) + (w[j + 1] ^ w[j + 5]);
            g += (f ^ (h & (e ^ f))) + ss1 + w[j + 1];
            a = Integer.rotateLeft(a, 9);
            e = Integer.rotateLeft(e, 19);
            g = p0(g);

            a12 = Integer.rotateLeft(c, 12);
            ss1 = Integer.rotateLeft(a12 + g + T[j + 2], 7);
            b += ((c & d) | (a & (c | d))) + (ss1 ^ a12) + (w[j + 2] ^ w[j + 6]);
            f += (e ^ (g & (h ^ e))) + ss1 + w[j + 2];
            d = Integer.rotateLeft(d, 9);
            h = Integer.rotateLeft(h, 19);
            f = p0(f);

            a12 = Integer.rotateLeft(b, 12);
            ss1 = Integer.rotateLeft(a12 + f + T[j + 3], 7);
            a += ((b & c) | (d & (b | c))) + (ss1 ^ a12) + (w[j + 3] ^ w[j + 7]);
            e += (h ^ (f & (g ^ h))) + ss1 + w[j + 3];
            c = Integer.rotateLeft(c, 9);
            g = Integer.rotateLeft(g, 19);
            e = p0(e);
        }
        v0 ^= a;
        v1 ^= b;
        v2 ^= c;
        v3 ^= d;
        v4 ^= e;
        v5 ^= f;
        v6 ^= g;
        v7 ^= h;
    }
}
