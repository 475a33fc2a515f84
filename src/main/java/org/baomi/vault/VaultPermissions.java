package org.baomi.vault;

/** Permission strings of the vault ({@code module:resource:action}). */
public final class VaultPermissions {

    /**
     * Manage the vault's master keys: see versions and re-wrap progress, rotate, retire (DOC-9). The security
     * administrator's (built-in role); it reaches no content: keys are never shown, and reading a file still needs the
     * owning module's access decision (ORG-5).
     */
    public static final String KEYS_MANAGE = "vault:master-key:manage";

    private VaultPermissions() {
    }
}
