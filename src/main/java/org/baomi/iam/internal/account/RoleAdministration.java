package org.baomi.iam.internal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.LocalizedName;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.Permissions;
import org.baomi.iam.RoleDraft;
import org.baomi.iam.RoleService;
import org.baomi.iam.RoleSummary;
import org.baomi.shared.BaomiException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business roles managed by the security administrator (ACC-2). ORG-5: a business role never carries an
 * administrative permission (that would let a business account act as one of the 三员), and the built-in
 * administrator roles carry only administrative permissions and are not edited here.
 */
@Service
class RoleAdministration implements RoleService {

    static final String MANAGE = "iam:role:manage";
    static final int LABEL_MAX = 50;
    static final int MAX_PERMISSIONS = 100;
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");

    private final RoleRepository roles;
    private final JdbcClient jdbc;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    RoleAdministration(RoleRepository roles, JdbcClient jdbc, PermissionGuard guard, AuditTrail audit, Clock clock) {
        this.roles = roles;
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleSummary> list() {
        if (!guard.has("iam:role:assign")) {
            guard.require(MANAGE);
        }
        Map<Long, Long> holders = holders();
        return roles.findAll().stream()
                .sorted(Comparator.comparing(Role::getKind).thenComparing(Role::getCode))
                .map(r -> summary(r, holders.getOrDefault(r.getId(), 0L)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public RoleSummary find(long roleId) {
        guard.require(MANAGE);
        Role role = roles.findById(roleId).orElseThrow(() -> BaomiException.notFound("iam.admin.error.role-not-found"));
        return summary(role, holders().getOrDefault(roleId, 0L));
    }

    @Override
    @Transactional
    public long createBusinessRole(RoleDraft draft) {
        guard.require(MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        String code = draft.code() == null ? "" : draft.code().strip();
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "iam.admin.error.role.code-format"));
        } else if (roles.findByCode(code).isPresent()) {
            problems.add(new FieldProblem("code", "iam.admin.error.role.code-taken", code));
        }
        String nameZh = AccountInput.label(draft.nameZh(), "nameZh", LABEL_MAX, problems);
        String nameEn = AccountInput.label(draft.nameEn(), "nameEn", LABEL_MAX, problems);
        TreeSet<String> permissions = permissions(draft.permissions(), RoleKind.BUSINESS, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Role role;
        try {
            role = roles.save(new Role(code, nameZh, nameEn, RoleKind.BUSINESS, permissions, clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "iam.admin.error.role.code-taken", code)));
        }
        audit.record(AuditEntry.allowed("iam.role.created", "role", role.getId(), AuditDetails.of(
                "code", code, "nameZh", nameZh, "nameEn", nameEn, "permissions", List.copyOf(permissions))));
        return role.getId();
    }

    @Override
    @Transactional
    public void updateBusinessRole(long roleId, int expectedVersion, RoleDraft draft) {
        guard.require(MANAGE);
        Role role = roles.findById(roleId).orElseThrow(() -> BaomiException.notFound("iam.admin.error.role-not-found"));
        List<FieldProblem> problems = new ArrayList<>();
        TreeSet<String> permissions = permissions(draft.permissions(), role.getKind(), problems);
        if (role.getKind() != RoleKind.BUSINESS) {
            // ORG-5: the 三员 roles are fixed; nobody widens their own or another administrator's authority (ACC-3).
            String reason = problems.isEmpty() ? "iam.admin.error.role.admin-role-fixed" : problems.get(0).messageKey();
            audit.recordIndependently(new AuditEntry(null, "iam.role.updated", "role", Long.toString(roleId), null,
                    AuditOutcome.DENIED, reason, AuditDetails.of("code", role.getCode(),
                            "permissions", List.copyOf(permissions))));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            throw BaomiException.invalid("iam.admin.error.role.admin-role-fixed");
        }
        if (role.getVersion() == null || role.getVersion() != expectedVersion) {
            throw BaomiException.conflict(AccountAdministration.STALE);
        }
        String nameZh = AccountInput.label(draft.nameZh(), "nameZh", LABEL_MAX, problems);
        String nameEn = AccountInput.label(draft.nameEn(), "nameEn", LABEL_MAX, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> before = role.permissionStrings().stream().sorted().toList();
        LocalizedName namesBefore = new LocalizedName(role.getNameZh(), role.getNameEn());
        Instant now = clock.instant();
        role.rename(nameZh, nameEn, now);
        role.replacePermissions(permissions, now);
        try {
            roles.save(role);
        } catch (OptimisticLockingFailureException e) {
            throw BaomiException.conflict(AccountAdministration.STALE);
        }
        audit.record(AuditEntry.allowed("iam.role.updated", "role", roleId, AuditDetails.of(
                "code", role.getCode(), "before", AuditDetails.of("nameZh", namesBefore.zh(), "nameEn", namesBefore.en(),
                        "permissions", before),
                "after", AuditDetails.of("nameZh", nameZh, "nameEn", nameEn, "permissions", List.copyOf(permissions)))));
    }

    /** Valid, distinct permission strings that fit the role's kind (ORG-5); blank lines are skipped. */
    static TreeSet<String> permissions(List<String> raw, RoleKind kind, List<FieldProblem> problems) {
        TreeSet<String> result = new TreeSet<>();
        for (String line : raw) {
            String p = line == null ? "" : line.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > 120 || !Permissions.isValid(p)) {
                problems.add(new FieldProblem("permissions", "iam.admin.error.permission.format", clip(p)));
            } else if (kind == RoleKind.BUSINESS && Permissions.isAdministrative(p)) {
                problems.add(new FieldProblem("permissions", "iam.admin.error.permission.administrative", p));
            } else if (kind != RoleKind.BUSINESS && !Permissions.isAdministrative(p)) {
                problems.add(new FieldProblem("permissions", "iam.admin.error.permission.business-in-admin-role", p));
            } else {
                result.add(p);
            }
        }
        if (result.size() > MAX_PERMISSIONS) {
            problems.add(new FieldProblem("permissions", "iam.admin.error.permission.too-many", MAX_PERMISSIONS));
        }
        return result;
    }

    private static String clip(String s) {
        String printable = s.codePoints().filter(AccountInput::printable)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) : printable;
    }

    private Map<Long, Long> holders() {
        return jdbc.sql("SELECT role_id, count(*) AS n FROM iam_account_role GROUP BY role_id")
                .query((rs, i) -> Map.entry(rs.getLong("role_id"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static RoleSummary summary(Role r, long holders) {
        return new RoleSummary(r.getId(), r.getCode(), new LocalizedName(r.getNameZh(), r.getNameEn()),
                r.getKind().adminKind(), r.isBuiltIn(), r.permissionStrings().stream().sorted().toList(), holders,
                r.getVersion() == null ? 0 : r.getVersion());
    }
}
