package org.baomi.vault.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.VaultAlgorithm;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Master keys in a file outside the database (DOC-9): one line per version ({@code key.N=ALGORITHM:base64}), the
 * current version ({@code current=N}) and when each old version was superseded ({@code superseded.N=instant}). The
 * file must be readable by its owner only (600 or 400); anything wider stops the start. Several instances share it:
 * each looks at the file's time stamp and size before every wrap and unwrap and reads it again when it changed;
 * changes are made under an exclusive lock on a sibling {@code .lock} file and written whole (temporary file, then
 * an atomic move). Data keys are wrapped with GCM under the master key, with a random nonce and the file's context as
 * associated data. Error messages name the file, never a key.
 */
final class FileMasterKeyProvider implements MasterKeyProvider {

    private static final String HEADER = "# Baomi vault master keys (baomi.vault.master-key-file). Owner-only (chmod 600)."
            + " Never store in the database or its backups; back it up separately and securely.\n";
    private static final int NONCE_BYTES = 12;

    private final Path file;
    private final VaultAlgorithm newKeyAlgorithm;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot;

    private record MasterKey(int version, VaultAlgorithm algorithm, byte[] key, Instant supersededAt) {
    }

    private record Snapshot(FileTime modified, long size, int current, TreeMap<Integer, MasterKey> keys) {
    }

    private FileMasterKeyProvider(Path file, VaultAlgorithm newKeyAlgorithm, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.newKeyAlgorithm = newKeyAlgorithm;
        this.clock = clock;
    }

    /**
     * Opens the key file, checking it thoroughly; with {@code createIfMissing} (the embedded demo database only) a
     * missing file is created with one fresh key.
     *
     * @throws IllegalStateException with a message for the operator when the file is missing, unreadable, readable
     *                               by others than its owner, or malformed
     */
    static FileMasterKeyProvider open(Path file, boolean createIfMissing, VaultAlgorithm algorithm, Clock clock) {
        FileMasterKeyProvider provider = new FileMasterKeyProvider(file, algorithm, clock);
        if (!Files.exists(provider.file)) {
            if (!createIfMissing) {
                throw new IllegalStateException("The vault master key file " + provider.file + " does not exist "
                        + "(baomi.vault.master-key-file). Mount the key file there, or see docs/vault.md to create one.");
            }
            provider.createFirst();
        }
        provider.snapshot = provider.load();
        return provider;
    }

    Path file() {
        return file;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] context) {
        Snapshot keys = fresh();
        MasterKey key = keys.keys().get(keys.current());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(key.algorithm());
        gcm.init(true, new AEADParameters(new KeyParameter(key.key()), 128, nonce, context));
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(dataKey.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(dataKey, 0, dataKey.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("key wrapping failed", e);
        }
        return new WrappedKey(key.version(), out);
    }

    @Override
    public byte[] unwrap(WrappedKey wrappedKey, byte[] context) {
        MasterKey key = fresh().keys().get(wrappedKey.masterKeyVersion());
        if (key == null) {
            snapshot = load();
            key = snapshot.keys().get(wrappedKey.masterKeyVersion());
        }
        if (key == null) {
            throw new KeyUnwrapException("master key version " + wrappedKey.masterKeyVersion() + " is not in "
                    + file);
        }
        byte[] blob = wrappedKey.wrapped();
        if (blob == null || blob.length < NONCE_BYTES + 16) {
            throw new KeyUnwrapException("wrapped data key malformed");
        }
        GCMModeCipher gcm = gcm(key.algorithm());
        gcm.init(false, new AEADParameters(new KeyParameter(key.key()), 128,
                java.util.Arrays.copyOf(blob, NONCE_BYTES), context));
        byte[] out = new byte[gcm.getOutputSize(blob.length - NONCE_BYTES)];
        int n = gcm.processBytes(blob, NONCE_BYTES, blob.length - NONCE_BYTES, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new KeyUnwrapException("wrapped data key failed authentication");
        }
        return out;
    }

    @Override
    public byte[] derive(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("purpose");
        }
        Snapshot keys = fresh();
        // HMAC-SM3 under the master key with a label of its own: never equal to a wrapping or content key (DOC-9)
        return VaultKdf.hmac(keys.keys().get(keys.current()).key(),
                ("baomi-vault/v1/derived/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<KeyVersion> versions() {
        Snapshot keys = fresh();
        List<KeyVersion> out = new ArrayList<>();
        keys.keys().values().forEach(k -> out.add(new KeyVersion(k.version(), k.algorithm().name(),
                k.version() == keys.current(), k.supersededAt())));
        return out;
    }

    @Override
    public int rotate() {
        return underLock(() -> {
            Snapshot keys = load();
            int next = keys.keys().lastKey() + 1;
            TreeMap<Integer, MasterKey> changed = new TreeMap<>(keys.keys());
            MasterKey old = changed.get(keys.current());
            changed.put(old.version(), new MasterKey(old.version(), old.algorithm(), old.key(), clock.instant()));
            changed.put(next, freshKey(next));
            write(next, changed);
            snapshot = load();
            return next;
        });
    }

    @Override
    public void retire(int version) {
        underLock(() -> {
            Snapshot keys = load();
            if (version == keys.current()) {
                throw new IllegalStateException("the current master key version cannot be retired");
            }
            TreeMap<Integer, MasterKey> changed = new TreeMap<>(keys.keys());
            if (changed.remove(version) != null) {
                write(keys.current(), changed);
            }
            snapshot = load();
            return null;
        });
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        try {
            if (!Files.getLastModifiedTime(file).equals(current.modified()) || Files.size(file) != current.size()) {
                snapshot = load();
                return snapshot;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the vault master key file " + file, e);
        }
        return current;
    }

    private void createFirst() {
        underLock(() -> {
            if (!Files.exists(file)) {
                TreeMap<Integer, MasterKey> keys = new TreeMap<>();
                keys.put(1, freshKey(1));
                write(1, keys);
            }
            return null;
        });
    }

    private MasterKey freshKey(int version) {
        byte[] key = new byte[newKeyAlgorithm.keyBytes()];
        random.nextBytes(key);
        return new MasterKey(version, newKeyAlgorithm, key, null);
    }

    private Snapshot load() {
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalStateException("The vault master key file " + file + " is not a readable file "
                        + "(baomi.vault.master-key-file)");
            }
            checkOwnerOnly();
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return parse(lines, modified, size);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the vault master key file " + file, e);
        }
    }

    private void checkOwnerOnly() throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        Set<PosixFilePermission> allowed = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if (!allowed.containsAll(permissions)) {
            throw new IllegalStateException("The vault master key file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + "; it must be readable by its owner only "
                    + "(chmod 600 " + file + ")");
        }
    }

    private Snapshot parse(List<String> lines, FileTime modified, long size) {
        TreeMap<Integer, MasterKey> keys = new TreeMap<>();
        TreeMap<Integer, Instant> superseded = new TreeMap<>();
        Integer current = null;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            try {
                String name = line.substring(0, eq);
                String value = line.substring(eq + 1);
                if (name.equals("current")) {
                    current = Integer.parseInt(value);
                } else if (name.startsWith("key.")) {
                    int version = Integer.parseInt(name.substring(4));
                    int colon = value.indexOf(':');
                    VaultAlgorithm algorithm = VaultAlgorithm.valueOf(value.substring(0, colon));
                    byte[] key = Base64.getDecoder().decode(value.substring(colon + 1));
                    if (key.length != algorithm.keyBytes()) {
                        throw new IllegalArgumentException("key length");
                    }
                    keys.put(version, new MasterKey(version, algorithm, key, null));
                } else if (name.startsWith("superseded.")) {
                    superseded.put(Integer.parseInt(name.substring(11)), Instant.parse(value));
                } else {
                    throw new IllegalArgumentException("unknown entry");
                }
            } catch (RuntimeException malformed) {
                // the line may hold key material: name its number only
                throw new IllegalStateException("The vault master key file " + file + " is malformed at line "
                        + lineNo);
            }
        }
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalStateException("The vault master key file " + file + " names no current key version "
                    + "that it holds (current=N and key.N=...)");
        }
        superseded.forEach((version, at) -> keys.computeIfPresent(version,
                (v, k) -> new MasterKey(v, k.algorithm(), k.key(), at)));
        return new Snapshot(modified, size, current, keys);
    }

    private void write(int current, TreeMap<Integer, MasterKey> keys) {
        StringBuilder text = new StringBuilder(HEADER).append("current=").append(current).append('\n');
        keys.values().forEach(k -> {
            text.append("key.").append(k.version()).append('=').append(k.algorithm().name()).append(':')
                    .append(Base64.getEncoder().encodeToString(k.key())).append('\n');
            if (k.supersededAt() != null) {
                text.append("superseded.").append(k.version()).append('=').append(k.supersededAt()).append('\n');
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".vault-keys-", ".part");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // not a POSIX file system: the directory's own protection applies
                }
                Files.writeString(temp, text, StandardCharsets.US_ASCII);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the vault master key file " + file
                    + " (a read-only mounted secret is rotated by its operator, see docs/vault.md)", e);
        }
    }

    private synchronized <T> T underLock(java.util.function.Supplier<T> action) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot lock the vault master key file " + lockFile, e);
        }
    }

    private static GCMModeCipher gcm(VaultAlgorithm algorithm) {
        return GCMBlockCipher.newInstance(algorithm == VaultAlgorithm.SM4_GCM ? new SM4Engine()
                : AESEngine.newInstance());
    }
}
