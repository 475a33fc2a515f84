package org.baomi.vault;

import java.time.Instant;
import java.util.List;

/**
 * Service provider interface of the master keys that wrap the vault's data keys (DOC-9). The built-in provider
 * keeps versioned keys in a file outside the database ({@code baomi.vault.master-key-file}); a hardware security
 * module (密码机) plugs in here later by wrapping and unwrapping inside the device, so that master keys never enter
 * the application's memory. Implementations are shared by several instances: a version made current by one must
 * become visible to the others without a restart, and unwrapping a version this instance has not seen yet must
 * look again before failing.
 */
public interface MasterKeyProvider {

    /** A data key wrapped by one master key version. */
    record WrappedKey(int masterKeyVersion, byte[] wrapped) {
    }

    /** A master key version and when a newer one superseded it (null while current). */
    record KeyVersion(int version, String algorithm, boolean current, Instant supersededAt) {
    }

    /**
     * Wraps a data key with the current master key version; {@code context} is bound as associated data and must be
     * given again to unwrap.
     */
    WrappedKey wrap(byte[] dataKey, byte[] context);

    /**
     * Unwraps a data key.
     *
     * @throws KeyUnwrapException when the wrapped key or its context was altered, or the version is unknown
     */
    byte[] unwrap(WrappedKey wrappedKey, byte[] context);

    /**
     * A secret for another module's keyed digests (e.g. HMAC of identifiers that must not be brute-forced from a
     * database copy): derived from the current master key version and the purpose label, so that it lives outside the
     * database as the master key does. The same label gives the same bytes until the next rotation (then new ones);
     * different labels give independent secrets. A hardware module computes it inside the device.
     *
     * @param purpose a fixed, non-blank label naming the use (e.g. {@code privacy/self-service/id-number})
     * @return 32 bytes
     */
    byte[] derive(String purpose);

    /** Every version held, oldest first. */
    List<KeyVersion> versions();

    /** Makes a new version current; the old ones stay for unwrapping. Returns the new version. */
    int rotate();

    /** Destroys a non-current version for good. Callers make sure no data key needs it any more. */
    void retire(int version);

    /** The data key could not be unwrapped: altered, wrapped for another file, or its master key version is gone. */
    class KeyUnwrapException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public KeyUnwrapException(String message) {
            super(message);
        }
    }
}
