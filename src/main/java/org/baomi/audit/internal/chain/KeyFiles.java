package org.baomi.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing key and anchor files: whole or not at all (temporary file, then an atomic move), owner-only if secret. */
final class KeyFiles {

    private KeyFiles() {
    }

    static void writeAtomically(Path target, byte[] content, boolean ownerOnly) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            try {
                if (ownerOnly) {
                    restrict(temp);
                }
                Files.write(temp, content);
                try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /**
     * Creates the file with this content unless it exists, atomically: instances starting together on a shared keys
     * directory all end up using the one file that won (a hard link fails when the name is taken).
     */
    static void writeIfAbsent(Path target, byte[] content, boolean ownerOnly) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            try {
                if (ownerOnly) {
                    restrict(temp);
                }
                Files.write(temp, content);
                try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.createLink(target, temp);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another instance was first: its key is the key
                } catch (UnsupportedOperationException noLinks) {
                    if (!Files.exists(target)) {
                        Files.move(temp, target);
                    }
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Owner read/write only (600) where the file system knows POSIX permissions. */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
