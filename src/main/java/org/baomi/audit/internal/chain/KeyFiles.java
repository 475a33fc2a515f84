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

    /** Owner read/write only (600) where the file system knows POSIX permissions. */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
