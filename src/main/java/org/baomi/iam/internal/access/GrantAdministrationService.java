package org.baomi.iam.internal.access;

import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessGrant;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.GrantAdministration;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.token.CallerPermissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's grant list and revocation with the caller checked; see {@link GrantAdministration}. */
@Service
class GrantAdministrationService implements GrantAdministration {

    private final AccessGrants grants;
    private final CallerPermissions guard;
    private final AuditTrail audit;

    GrantAdministrationService(AccessGrants grants, CallerPermissions guard, AuditTrail audit) {
        this.grants = grants;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public List<AccessGrant> activeOf(long personId) {
        guard.require(AccessPermissions.QUERY);
        List<AccessGrant> found = grants.activeOf(personId);
        // AUD-1: who looked at whose grants, like the reverse queries (access.query.what-can)
        audit.recordIndependently(new AuditEntry(null, "access.grants.viewed", "account", Long.toString(personId),
                null, AuditOutcome.ALLOWED, null, Map.of("count", found.size())));
        return found;
    }

    @Override
    public List<AccessGrant> activeOn(ResourceRef resource) {
        guard.require(AccessPermissions.QUERY);
        List<AccessGrant> found = grants.activeOn(resource);
        audit.recordIndependently(new AuditEntry(null, "access.grants.viewed", resource.type(), resource.id(), null,
                AuditOutcome.ALLOWED, null, Map.of("count", found.size()),
                ResourceRef.PATIENT.equals(resource.type()) ? resource.id() : null));
        return found;
    }

    @Override
    @Transactional
    public void revoke(long grantId, String reason) {
        guard.require(AccessPermissions.GRANT_MANAGE);
        grants.revoke(grantId, reason);
    }
}
