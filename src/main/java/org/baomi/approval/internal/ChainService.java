package org.baomi.approval.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.approval.ApprovalChains;
import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalPermissions;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainConfiguration;
import org.baomi.approval.ChainStep;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.RoleHolders;
import org.baomi.iam.RoleRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versioned chain configuration (issue 4 item 1) and the CLS-3 rule that a 绝密 subject reaches the president. */
@Service
class ChainService implements ApprovalChains {

    static final int MAX_STEPS = 6;
    static final int PRESIDENT_DEADLINE_HOURS = 72;
    static final String DEFAULT_ESCALATION_ROLE = ChainStep.PRESIDENT_ROLE;

    private final KindRegistry kinds;
    private final JdbcClient jdbc;
    private final PermissionGuard guard;
    private final RoleHolders roles;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ChainService(KindRegistry kinds, JdbcClient jdbc, PermissionGuard guard, RoleHolders roles, AuditTrail audit,
            java.time.Clock clock) {
        this.kinds = kinds;
        this.jdbc = jdbc;
        this.guard = guard;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ChainConfiguration current(String kind) {
        ApprovalKind registered = kind(kind);
        List<ChainConfiguration> versions = versions(kind, true);
        return versions.isEmpty()
                ? new ChainConfiguration(kind, 0, registered.defaultChain(), DEFAULT_ESCALATION_ROLE, null, null, null)
                : versions.get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChainConfiguration> history(String kind) {
        ApprovalKind registered = kind(kind);
        List<ChainConfiguration> all = new ArrayList<>(versions(kind, false));
        all.add(new ChainConfiguration(kind, 0, registered.defaultChain(), DEFAULT_ESCALATION_ROLE, null, null, null));
        return all;
    }

    @Override
    @Transactional
    public int configure(String kind, List<ChainStep> steps, String escalationRole, String reason,
            int expectedVersion) {
        StaffPrincipal admin = guard.require(ApprovalPermissions.CHAIN_MANAGE);
        kind(kind);
        String cleanReason = reason == null ? "" : reason.strip();
        List<FieldProblem> problems = validate(steps, escalationRole, cleanReason);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int currentVersion = current(kind).version();
        if (expectedVersion != currentVersion) {
            throw BaomiException.conflict("approval.error.stale");
        }
        int next = currentVersion + 1;
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO apr_chain_version (kind, version, escalation_role, changed_at, changed_by, changed_by_name,
                                               reason)
                VALUES (:kind, :version, :escalation, :at, :by, :name, :reason)
                """).param("kind", kind).param("version", next).param("escalation", escalationRole.strip())
                .param("at", Timestamp.from(now)).param("by", admin.accountId()).param("name", admin.fullName())
                .param("reason", cleanReason).update();
        for (int i = 0; i < steps.size(); i++) {
            ChainStep step = steps.get(i);
            jdbc.sql("""
                    INSERT INTO apr_chain_step (kind, version, step_no, rule, role_code, min_level, deadline_hours)
                    VALUES (:kind, :version, :no, :rule, :role, :level, :hours)
                    """).param("kind", kind).param("version", next).param("no", i + 1)
                    .param("rule", step.rule().name())
                    .param("role", step.rule() == ApproverRule.ROLE ? step.roleCode().strip() : null)
                    .param("level", step.minLevel() == null ? null : step.minLevel().name())
                    .param("hours", step.deadlineHours()).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("version", next);
        details.put("steps", steps.stream().map(ChainService::describe).collect(Collectors.joining(" > ")));
        details.put("escalationRole", escalationRole.strip());
        details.put("reason", cleanReason);
        audit.record(AuditEntry.allowed("approval.chain.configured", "approval-chain", kind, details));
        return next;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChainStep> stepsFor(String kind, SecretLevel level) {
        return applied(current(kind).steps(), level);
    }

    /** The steps of a chain that apply to a subject of this level; CLS-3: 绝密 always reaches the president. */
    static List<ChainStep> applied(List<ChainStep> chain, SecretLevel level) {
        List<ChainStep> steps = new ArrayList<>(chain.stream().filter(s -> s.appliesTo(level)).toList());
        boolean president = steps.stream().anyMatch(s -> ChainStep.PRESIDENT_ROLE.equals(s.effectiveRole()));
        if (level == SecretLevel.TOP_SECRET && !president) {
            steps.add(new ChainStep(ApproverRule.PRESIDENT, null, null, PRESIDENT_DEADLINE_HOURS));
        }
        return List.copyOf(steps);
    }

    List<FieldProblem> validate(List<ChainStep> steps, String escalationRole, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = roles.businessRoles().stream().map(RoleRef::code).collect(Collectors.toSet());
        if (steps == null || steps.isEmpty()) {
            problems.add(new FieldProblem("steps", "approval.chain.error.no-steps"));
        } else if (steps.size() > MAX_STEPS) {
            problems.add(new FieldProblem("steps", "approval.chain.error.too-many-steps", MAX_STEPS));
        } else {
            for (int i = 0; i < steps.size(); i++) {
                ChainStep step = steps.get(i);
                String field = "steps[" + i + "]";
                if (step == null || step.rule() == null) {
                    problems.add(new FieldProblem(field + ".rule", "approval.chain.error.rule", i + 1));
                    continue;
                }
                if (step.rule() == ApproverRule.ROLE
                        && (step.roleCode() == null || !known.contains(step.roleCode().strip()))) {
                    problems.add(new FieldProblem(field + ".roleCode", "approval.chain.error.role", i + 1));
                }
                if (step.deadlineHours() < 1 || step.deadlineHours() > 720) {
                    problems.add(new FieldProblem(field + ".deadlineHours", "approval.chain.error.deadline", i + 1));
                }
            }
            if (steps.stream().noneMatch(s -> s != null && s.minLevel() == null)) {
                problems.add(new FieldProblem("steps", "approval.chain.error.no-unconditional-step"));
            }
        }
        if (escalationRole == null || !known.contains(escalationRole.strip())) {
            problems.add(new FieldProblem("escalationRole", "approval.chain.error.escalation-role"));
        }
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "approval.error.reason.required"));
        } else if (reason.length() > 500) {
            problems.add(new FieldProblem("reason", "approval.error.reason.too-long", 500));
        }
        return problems;
    }

    private ApprovalKind kind(String code) {
        return kinds.find(code).orElseThrow(() -> BaomiException.notFound("approval.error.kind-unknown"));
    }

    private List<ChainConfiguration> versions(String kind, boolean latestOnly) {
        List<ChainConfiguration> versions = new ArrayList<>();
        List<Object[]> heads = jdbc.sql("""
                SELECT version, escalation_role, changed_at, changed_by_name, reason FROM apr_chain_version
                WHERE kind = :kind ORDER BY version DESC
                """ + (latestOnly ? " LIMIT 1" : "")).param("kind", kind)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5)}).list();
        for (Object[] head : heads) {
            int version = (Integer) head[0];
            List<ChainStep> steps = jdbc.sql("""
                    SELECT rule, role_code, min_level, deadline_hours FROM apr_chain_step
                    WHERE kind = :kind AND version = :version ORDER BY step_no
                    """).param("kind", kind).param("version", version)
                    .query((rs, n) -> new ChainStep(ApproverRule.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3) == null ? null : SecretLevel.valueOf(rs.getString(3)), rs.getInt(4)))
                    .list();
            versions.add(new ChainConfiguration(kind, version, steps, (String) head[1], (Instant) head[2],
                    (String) head[3], (String) head[4]));
        }
        return versions;
    }

    static String describe(ChainStep step) {
        return step.rule().name() + (step.rule() == ApproverRule.ROLE ? "(" + step.roleCode() + ")" : "")
                + (step.minLevel() == null ? "" : ">=" + step.minLevel().name()) + "/" + step.deadlineHours() + "h";
    }
}
