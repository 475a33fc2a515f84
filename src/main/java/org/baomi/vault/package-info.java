/**
 * Encrypted storage of classified files (DOC-9, DOC-7): envelope encryption streamed in fixed-size segments
 * (SM4-GCM by default, AES-256-GCM selectable), one random data key per file wrapped by a versioned master key kept
 * outside the database, the file's level mark bound to it by a keyed MAC and verified on every read, master-key
 * rotation that re-wraps data keys without re-encrypting content, and crypto-shredding. Public API:
 * {@link org.baomi.vault.EncryptedFiles} (files), {@link org.baomi.vault.VaultKeys} (master keys) and the
 * {@link org.baomi.vault.MasterKeyProvider} seam for a hardware security module. The vault decides no permissions:
 * its callers do, with the access decision point, before calling. Design: docs/vault.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "iam"})
package org.baomi.vault;
