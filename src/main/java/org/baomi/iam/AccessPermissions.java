package org.baomi.iam;

/**
 * Permission strings of the decision point's own functions. Business-facing ones live in the {@code access}
 * namespace, so business roles (the confidentiality office) may hold them while 三员 roles may not (ORG-5).
 */
public final class AccessPermissions {

    /** Edit access policies (security administrator). */
    public static final String POLICY_MANAGE = "iam:policy:manage";
    /** Review break-the-glass sessions (confidentiality office). */
    public static final String BREAK_GLASS_REVIEW = "access:break-glass:review";
    /** Ask the reverse questions: who can see this, what can this person see (confidentiality office). */
    public static final String QUERY = "access:query:read";
    /** Revoke explicit grants (confidentiality office), see {@link GrantAdministration}. */
    public static final String GRANT_MANAGE = "access:grant:manage";
    /** API token scope of other systems asking for decisions (EMR, HIS). */
    public static final String DECISION_REQUEST = "access:decision:request";

    private AccessPermissions() {
    }
}
