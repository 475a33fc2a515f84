package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The application MAC of audit entries (AUD-3): HMAC-SM3 over the canonical body with a key kept in
 * {@code baomi.keys-dir}, never in the database. Someone who can only write to the database cannot make a row
 * the sealer accepts as written by Baomi. Thread-safe.
 */
public final class EntryMac {

    public static final String KEY_FILE = "audit-entry-mac.key";

    private final byte[] key;
    /** Keyed once per thread: after doFinal an HMac is back in its keyed state, so re-keying is not repeated. */
    private final ThreadLocal<HMac> hmacs;

    public EntryMac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The entry MAC key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.hmacs = ThreadLocal.withInitial(() -> {
            HMac hmac = new HMac(new SM3Digest());
            hmac.init(new KeyParameter(this.key));
            return hmac;
        });
    }

    /** The key in {@code keysDir}, created (32 random bytes, mode 600) on first start. */
    public static EntryMac fromKeysDir(Path keysDir) {
        Path file = keysDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                KeyFiles.writeIfAbsent(file, Base64.getEncoder().encode(fresh), true);
            }
            return new EntryMac(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit entry MAC key " + file, e);
        }
    }

    public byte[] mac(EntryRow entry) {
        HMac hmac = hmacs.get();
        byte[] body = CanonicalEntry.body(entry);
        hmac.update(body, 0, body.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /**
     * Whether {@code data[macOffset, macOffset + macLength)} is the MAC of the canonical body
     * {@code data[bodyOffset, bodyOffset + bodyLength)} (the binary readers' form of {@link #verifies(EntryRow)}).
     */
    boolean verifies(byte[] data, int bodyOffset, int bodyLength, int macOffset, int macLength) {
        HMac hmac = hmacs.get();
        if (macLength != hmac.getMacSize()) {
            return false;
        }
        hmac.update(data, bodyOffset, bodyLength);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return MessageDigest.isEqual(out, java.util.Arrays.copyOfRange(data, macOffset, macOffset + macLength));
    }

    /**
     * The seal MAC of a batch (AUD-3, docs/audit-chain.md "Seal MAC"): HMAC-SM3 with the entry MAC key over
     * {@code "BAOMI-AUDIT-BATCH" | u8 1 | i64 batch id | i32 segment id | i64 first seq | i64 last seq
     * | bytes Merkle root | i32 n | i64 seq of each entry whose MAC did not verify when sealed}. Written by the sealer,
     * which checked every entry's MAC: with it, verification need not check the MACs of the batch's entries again
     * (the Merkle root covers every entry hash, every entry hash covers its entry and MAC), and a chain rewritten
     * by someone without the key fails here.
     */
    public byte[] sealMac(long batchId, int segmentId, long firstSeq, long lastSeq, byte[] merkleRoot,
            long[] unauthenticSeqs) {
        CanonicalEntry.Buffer out = new CanonicalEntry.Buffer(128 + 8 * unauthenticSeqs.length);
        out.bytes("BAOMI-AUDIT-BATCH".getBytes(StandardCharsets.US_ASCII));
        out.u8(1);
        out.i64(batchId);
        out.i32(segmentId);
        out.i64(firstSeq);
        out.i64(lastSeq);
        out.optBytes(merkleRoot);
        out.i32(unauthenticSeqs.length);
        for (long seq : unauthenticSeqs) {
            out.i64(seq);
        }
        HMac hmac = hmacs.get();
        hmac.update(out.data(), 0, out.size());
        byte[] result = new byte[hmac.getMacSize()];
        hmac.doFinal(result, 0);
        return result;
    }

    public boolean verifies(EntryRow entry) {
        return entry.mac() != null && MessageDigest.isEqual(entry.mac(), mac(entry));
    }
}
