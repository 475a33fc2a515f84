package org.baomi.audit;

import java.util.Arrays;
import java.util.Optional;

/** Audit actions that may be intrusions (ACC-8): raised to the security administrator. */
public enum SecurityEventKind {
    LOGIN_FAILED("iam.login.failed"),
    ACCOUNT_LOCKED("iam.account.locked"),
    LOGIN_THROTTLED("iam.login.throttled"),
    ACCESS_DENIED("access.denied"),
    API_UNAUTHENTICATED("api.unauthenticated"),
    /** AUD-3: a verification run or the sealer found the chain broken (written by the chain's alerts). */
    CHAIN_BROKEN("audit.chain.broken"),
    /** DOC-9: a stored classified file failed its integrity check on reading (written by the vault). */
    VAULT_TAMPERED("vault.file.tampered");

    private final String action;

    SecurityEventKind(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }

    public String messageKey() {
        return "audit.security-event." + name();
    }

    public static Optional<SecurityEventKind> ofAction(String action) {
        return Arrays.stream(values()).filter(k -> k.action.equals(action)).findFirst();
    }
}
