package org.baomi.vault;

import java.time.Instant;

import org.baomi.shared.SecretLevel;

/**
 * Published when the vault finds a stored file tampered with (DOC-9; security event {@code VAULT_TAMPERED}, audit
 * {@code vault.file.tampered}): for a later incident module to open an incident. Published in the transaction of its
 * own that writes the audit record, so it is delivered even though the reader's transaction is rolled back; an
 * {@code @ApplicationModuleListener} receives it after that commit. Never content, keys or MACs.
 *
 * @param owner     the owning module's object, or null when the row's owner could not be trusted
 * @param reasonKey what failed ({@code vault.tamper.*})
 */
public record VaultTampered(long fileId, FileOwner owner, SecretLevel level, String reasonKey, Instant detectedAt) {
}
