package org.baomi.iam.internal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.PolicyDraft;
import org.baomi.iam.PolicyPreview;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The access policy as versioned data; see {@link AccessPolicies}. */
@Service
class PolicyAdministration implements AccessPolicies {

    private final JdbcClient jdbc;
    private final AccessModelLoader loader;
    private final AccessChangeFeed feed;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    PolicyAdministration(JdbcClient jdbc, AccessModelLoader loader, AccessChangeFeed feed, PermissionGuard guard,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.feed = feed;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PolicyVersion current() {
        return feed.model().policy().version();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PolicyVersion> history() {
        guard.require(AccessPermissions.POLICY_MANAGE);
        return loader.policyVersions().stream().map(v -> loader.policyVersion(v).orElseThrow()).toList();
    }

    @Override
    public List<FieldProblem> validate(PolicyDraft draft) {
        return PolicyValidator.validate(draft);
    }

    @Override
    public PolicyPreview preview(PolicyDraft draft) {
        guard.require(AccessPermissions.POLICY_MANAGE);
        requireValid(draft);
        return PolicyPreviewer.preview(feed.model(),
                new PolicyVersion(draft.baseVersion() + 1, clock.instant(), null, null, draft.reason(), draft.rules()),
                clock.millis());
    }

    @Override
    @Transactional
    public PolicyVersion save(PolicyDraft draft) {
        StaffPrincipal editor = guard.require(AccessPermissions.POLICY_MANAGE);
        requireValid(draft);
        long current = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM iam_access_policy_version").query(Long.class).single();
        if (current != draft.baseVersion()) {
            throw BaomiException.conflict("access.policy.changed-meanwhile");
        }
        long version = current + 1;
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO iam_access_policy_version (version, created_at, created_by, created_by_name, reason)
                    VALUES (:v, :now, :by, :name, :reason)
                    """).param("v", version).param("now", Timestamp.from(now)).param("by", editor.accountId())
                    .param("name", editor.fullName()).param("reason", draft.reason().strip()).update();
        } catch (DuplicateKeyException e) {
            throw BaomiException.conflict("access.policy.changed-meanwhile");
        }
        for (AccessPolicyRule rule : draft.rules()) {
            jdbc.sql("""
                    INSERT INTO iam_access_policy_rule (version, resource_type, action, permission, bases,
                        department_max_level, medical_only, care_window_days, break_glass_minutes)
                    VALUES (:v, :type, :action, :permission, :bases, :max, :medical, :care, :glass)
                    """).param("v", version).param("type", rule.resourceType()).param("action", rule.action().name())
                    .param("permission", rule.permission()).param("bases", AccessModelLoader.basesText(rule.bases()))
                    .param("max", rule.departmentMaxLevel() == null ? null : rule.departmentMaxLevel().name())
                    .param("medical", rule.medicalOnly()).param("care", rule.careWindowDays())
                    .param("glass", rule.breakGlassMinutes()).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("reason", draft.reason().strip());
        details.put("changed", changedKeys(loader.policyVersion(current).map(PolicyVersion::rules).orElse(List.of()),
                draft.rules()));
        audit.record(new AuditEntry(null, "access.policy.changed", "access-policy", String.valueOf(version), null,
                AuditOutcome.ALLOWED, null, details));
        feed.pollAfterCommit();
        return loader.policyVersion(version).orElseThrow();
    }

    private void requireValid(PolicyDraft draft) {
        List<FieldProblem> problems = PolicyValidator.validate(draft);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static List<String> changedKeys(List<AccessPolicyRule> before, List<AccessPolicyRule> after) {
        Map<String, AccessPolicyRule> was = new LinkedHashMap<>();
        before.forEach(r -> was.put(r.resourceType() + ":" + r.action(), r));
        Map<String, AccessPolicyRule> will = new LinkedHashMap<>();
        after.forEach(r -> will.put(r.resourceType() + ":" + r.action(), r));
        Set<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(will.keySet());
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(was.get(key), will.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }
}
