package org.baomi.audit;

/** Permission strings that guard reading the trail (ORG-5: the audit and security administrators' views). */
public final class AuditPermissions {

    /** The audit administrator reads and exports the whole trail (AUD-2, AUD-3). */
    public static final String ENTRY_READ = "audit:entry:read";
    /** The security administrator reads possible intrusions (ACC-8). */
    public static final String SECURITY_EVENT_READ = "audit:security-event:read";
    /** The security administrator reads the audit administrator's own actions (ORG-5). */
    public static final String ADMIN_ACTIVITY_READ = "audit:admin-activity:read";

    private AuditPermissions() {
    }
}
