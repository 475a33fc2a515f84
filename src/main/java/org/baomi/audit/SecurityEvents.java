package org.baomi.audit;

/**
 * The security administrator's views of the trail: possible intrusions (ACC-8) and the audit administrator's
 * own actions (ORG-5). Every read is recorded in the same transaction.
 */
public interface SecurityEvents {

    int PAGE_SIZE = 50;

    /**
     * Totals, the 30-day chart, the main sources and one page of events. Needs
     * {@code audit:security-event:read}; records {@code audit.security-events.viewed}.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the permission
     */
    SecurityEventsOverview overview(SecurityEventFilter filter, int page);

    /**
     * One page of entries whose actor holds an audit administrator role now. Needs
     * {@code audit:admin-activity:read}; records {@code audit.admin-activity.viewed}.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the permission
     */
    AuditPage auditAdministratorActivity(int page);

    /** Whether the current person may see the audit administrator's actions; nothing is audited. */
    boolean canReadAdministratorActivity();
}
