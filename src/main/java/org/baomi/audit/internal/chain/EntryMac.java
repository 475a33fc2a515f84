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

    public boolean verifies(EntryRow entry) {
        return entry.mac() != null && MessageDigest.isEqual(entry.mac(), mac(entry));
    }
}
