package org.baomi.iam.internal.access;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessHolder;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.AccessQueries;
import org.baomi.iam.AccessibleObject;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.iam.internal.token.CallerPermissions;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;

/** The office's reverse questions over this instance's model; see {@link AccessQueries}. */
@Service
class DefaultAccessQueries implements AccessQueries {

    private final AccessChangeFeed feed;
    private final CallerPermissions guard;
    private final AuditTrail audit;
    private final Clock clock;

    DefaultAccessQueries(AccessChangeFeed feed, CallerPermissions guard, AuditTrail audit, Clock clock) {
        this.feed = feed;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<AccessHolder> whoCanAccess(ResourceRef resource, AccessAction action) {
        guard.require(AccessPermissions.QUERY);
        List<AccessHolder> holders = ReverseQueries.whoCan(feed.model(), resource, action, clock.millis()).stream()
                .map(a -> new AccessHolder(new AccessPerson(a.subject().id(), a.subject().staffNo(), a.subject().fullName()),
                        a.decision().basis(), a.decision().grantId()))
                .toList();
        audit.recordIndependently(new AuditEntry(null, "access.query.who-can", resource.type(), resource.id(), null,
                AuditOutcome.ALLOWED, null, Map.of("action", action.name(), "count", holders.size()),
                ResourceRef.PATIENT.equals(resource.type()) ? resource.id() : null));
        return holders;
    }

    @Override
    public ResultPage<AccessibleObject> whatCanAccess(long personId, AccessAction action, String resourceType, int page,
            int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw BaomiException.invalid("access.query.paging-invalid");
        }
        if (resourceType == null || !ResourceRef.TYPE_FORMAT.matcher(resourceType).matches()) {
            throw BaomiException.invalid("access.resource.type-invalid");
        }
        guard.require(AccessPermissions.QUERY);
        List<ReverseQueries.Allowed<ObjectEntry>> all = ReverseQueries.whatCan(feed.model(), personId, action, resourceType,
                clock.millis());
        List<AccessibleObject> rows = all.stream().skip((long) page * size).limit(size)
                .map(a -> new AccessibleObject(a.subject().ref(), a.subject().level(), a.decision().basis(),
                        a.decision().grantId()))
                .toList();
        audit.recordIndependently(new AuditEntry(null, "access.query.what-can", "account", String.valueOf(personId), null,
                AuditOutcome.ALLOWED, null, Map.of("action", action.name(), "type", resourceType, "count", all.size())));
        return new ResultPage<>(rows, all.size(), page, size);
    }
}
