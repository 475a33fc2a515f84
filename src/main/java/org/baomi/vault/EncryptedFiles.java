package org.baomi.vault;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Encrypted storage of classified files (DOC-9): content is encrypted as it streams in, in fixed-size segments,
 * each an authenticated encryption (SM4-GCM or AES-256-GCM) under the file's own random data key, whose nonce
 * encodes the segment's index and whether it is the last, and whose associated data binds the file's id and header;
 * the data key is kept only wrapped by the master key, which lives outside the database. No plaintext is ever held
 * whole in memory or written to disk, logs, temporary files or exception messages.
 *
 * <p><b>No permission checks here.</b> The vault trusts its caller: the owning module decides with the access
 * decision point (level against clearance, need to know, grants) before it calls, and records its own decision.
 * The vault records what it did to the file.
 *
 * <p><b>Audit.</b> Every method that changes or reveals a file writes its audit record through
 * {@link org.baomi.audit.AuditTrail#record} in the caller's transaction (a transaction must be active), with the
 * object type {@code vault-file}, the file's id and level, and the owner's type and id in the details. Detected
 * tampering is written at once in a transaction of its own as {@code vault.file.tampered} (outcome FAILED, shown to
 * the security administrator among the security events) and survives the caller's rollback.
 */
public interface EncryptedFiles {

    /**
     * Encrypts and stores the stream, in the caller's transaction (so the owner's record and the file commit
     * together). Reads the stream to its end and does not close it.
     *
     * @param owner     the business object the file belongs to
     * @param mark      the level mark to bind to the file
     * @param mediaType the declared media type, kept as given (at most 100 characters)
     * @param plaintext the content
     * @return the new file's description; keep {@link StoredFileInfo#id()} in the owner's record
     * @throws org.baomi.shared.BaomiException INVALID ({@code vault.media-type.invalid}); INVALID
     *         ({@code vault.file.unreadable-input}) when the stream fails (nothing is stored: the transaction is to be
     *         rolled back by the caller, as for any exception)
     * @throws org.springframework.transaction.IllegalTransactionStateException without an active transaction
     */
    StoredFileInfo store(FileOwner owner, LevelMark mark, String mediaType, InputStream plaintext);

    /**
     * Verifies and decrypts the file into {@code out}, segment by segment; a segment is written only after its tag
     * has been verified, so only authentic content ever reaches {@code out}. Records {@code vault.file.read} in the
     * caller's transaction before the first byte. Does not close {@code out}.
     *
     * <p>The owner and mark are checked against the MAC bound at store or rebind time before anything is written:
     * another owner or another mark is refused as tampering, with nothing written. Tampering found in a segment
     * (changed, swapped, reordered, taken from another file, or the file cut short) stops the stream at that
     * segment: the segments before it have been written, the rest never will be. A caller streaming to HTTP whose
     * response is already committed cannot change the status any more; it must let the exception propagate so that
     * the container aborts the connection: the client then sees a broken transfer (a missing chunked terminator, or
     * fewer bytes than Content-Length), never a complete file. Callers that must show an error page stream into a
     * buffer of their own choosing first.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND ({@code vault.file.not-found}); CONFLICT
     *         ({@code vault.file.shredded}) after shredding; FORBIDDEN ({@code vault.file.tampered}) when integrity
     *         fails, recorded as a security event; INVALID ({@code vault.file.output-failed}) when {@code out} fails
     */
    void read(long fileId, FileOwner owner, LevelMark expectedMark, OutputStream out);

    /**
     * Binds a new level mark to the file after a lawful change of level (CLS-3, CLS-4: a designee's decision, a
     * declassification), without re-encrypting its content: verifies the old mark first. Records
     * {@code vault.file.rebound} with both marks.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND, CONFLICT ({@code vault.file.shredded}), FORBIDDEN
     *         ({@code vault.file.tampered}, audited) when the old mark or owner is not the one bound
     */
    void rebind(long fileId, FileOwner owner, LevelMark oldMark, LevelMark newMark);

    /**
     * Crypto-shredding (DOC-7): destroys the file's wrapped data key (overwritten with NULL) and purges its
     * ciphertext; the metadata row stays with who, when and why. The content can never be read again (a backup taken
     * before keeps the wrapped key until the master key version that wrapped it is retired, see {@link VaultKeys}).
     * Records {@code vault.file.shredded}. Shredding a shredded file is refused.
     *
     * @param reason why (the destruction record's number, for instance); 1 to 500 characters
     * @throws org.baomi.shared.BaomiException NOT_FOUND; CONFLICT ({@code vault.file.shredded}); INVALID
     *         ({@code vault.shred.reason-required})
     */
    void shred(long fileId, String reason);

    /**
     * The file's description, or empty for an unknown id. Reveals no content and is not audited; the caller decides
     * who may see it.
     */
    Optional<StoredFileInfo> info(long fileId);
}
