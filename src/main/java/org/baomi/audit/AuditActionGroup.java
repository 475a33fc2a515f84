package org.baomi.audit;

import java.util.List;

/**
 * The fixed list of action families the audit administrator filters by. Each is a set of action prefixes, so
 * that filtering never takes a pattern from the request.
 */
public enum AuditActionGroup {
    LOGIN("iam.login.", "iam.logout"),
    ACCOUNTS("iam.account."),
    CREDENTIALS("iam.password.", "iam.totp.", "iam.recovery-code", "iam.reauthentication.", "iam.sessions."),
    ROLES("iam.role.", "iam.clearance.", "iam.access-review."),
    API("iam.api-token.", "api."),
    ACCESS_DENIED("access.denied"),
    AUDIT("audit."),
    SYSTEM("system."),
    APPROVALS("approval."),
    DOCUMENTS("document.", "archive."),
    PRIVACY("privacy."),
    OTHER_BUSINESS("register.", "training.", "inspection.", "incident.", "backup.", "reporting.");

    private final List<String> prefixes;

    AuditActionGroup(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public String messageKey() {
        return "audit.group." + name();
    }
}
