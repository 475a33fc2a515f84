package org.baomi.iam.internal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccountService;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.OneTimePassword;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.RegisterAccount;
import org.baomi.iam.StaffPrincipal;
import org.baomi.iam.UpdateProfile;
import org.baomi.iam.internal.login.Credential;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration by the system administrator (profile, status, passwords) and the security
 * administrator (roles, clearance, unlock, second factor, access review): ORG-5, ACC-2, ACC-3.
 */
@Service
class AccountAdministration implements AccountService {

    static final String STALE = "iam.admin.error.stale";
    static final String OWN_ACCOUNT = "iam.admin.error.own-account";
    static final String NOT_FOUND = "iam.admin.error.account-not-found";
    private static final String STAFF_ROLE = "staff";

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final PostRepository posts;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final InitialPasswords initialPasswords;
    private final SessionTerminator sessions;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    AccountAdministration(AccountRepository accounts, RoleRepository roles, DepartmentRepository departments,
            PostRepository posts, CredentialStore credentials, PasswordEncoder encoder,
            InitialPasswords initialPasswords, SessionTerminator sessions, PermissionGuard guard, AuditTrail audit,
            Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.posts = posts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.initialPasswords = initialPasswords;
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OneTimePassword register(RegisterAccount command) {
        StaffPrincipal actor = guard.require("iam:account:create");
        List<FieldProblem> problems = new ArrayList<>();
        String staffNo = AccountInput.staffNo(command.staffNo(), problems);
        Profile profile = profile(command.fullName(), command.departmentId(), command.postId(), command.email(),
                command.phone(), problems);
        if (staffNo != null && accounts.findByStaffNoIgnoreCase(staffNo).isPresent()) {
            problems.add(new FieldProblem("staffNo", "iam.admin.error.staff-no.taken", staffNo));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Role staffRole = roles.findByCode(STAFF_ROLE)
                .orElseThrow(() -> new IllegalStateException("built-in role 'staff' is missing"));
        Account account = new Account(staffNo, profile.fullName(), profile.departmentId(), profile.postId(),
                SecretLevel.INTERNAL, profile.email(), profile.phone(), now, actor.accountId());
        account.replaceRoles(Set.of(new AccountRole(staffRole.getId(), null, now, actor.accountId())));
        try {
            account = accounts.save(account);
        } catch (DataIntegrityViolationException raced) {
            throw new InvalidInputException(List.of(new FieldProblem("staffNo", "iam.admin.error.staff-no.taken", staffNo)));
        }
        String password = initialPasswords.generate(staffNo);
        credentials.create(account.getId(), encoder.encode(password), now, true);
        recordChange("iam.account.created", account, "after", snapshot(account), "roles", List.of(STAFF_ROLE),
                "mustChangePassword", true);
        return new OneTimePassword(account.getId(), staffNo, account.getFullName(), password);
    }

    @Override
    @Transactional
    public void updateProfile(long accountId, int expectedVersion, UpdateProfile update) {
        StaffPrincipal actor = guard.require("iam:account:update");
        Account account = load(accountId, expectedVersion);
        List<FieldProblem> problems = new ArrayList<>();
        Profile profile = profile(update.fullName(), update.departmentId(), update.postId(), update.email(),
                update.phone(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> before = snapshot(account);
        account.setProfile(profile.fullName(), profile.departmentId(), profile.postId(), profile.email(), profile.phone());
        save(account, actor);
        recordChange("iam.account.profile-updated", account, "before", before, "after", snapshot(account));
    }

    @Override
    @Transactional
    public void changeStatus(long accountId, int expectedVersion, AccountStatus status, String reason) {
        StaffPrincipal actor = requireOnAnother("iam:account:update", accountId, "iam.account.status-changed");
        Account account = load(accountId, expectedVersion);
        List<FieldProblem> problems = new ArrayList<>();
        if (status == null) {
            problems.add(new FieldProblem("status", "iam.admin.error.status.required"));
        }
        String cleanReason = AccountInput.reason(reason, status != AccountStatus.ACTIVE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AccountStatus before = account.getStatus();
        account.setStatus(status);
        save(account, actor);
        int ended = status == AccountStatus.ACTIVE ? 0 : sessions.endSessionsOf(account.getStaffNo());
        recordChange("iam.account.status-changed", account, "before", before.name(), "after", status.name(),
                "reason", cleanReason, "sessionsEnded", ended);
    }

    @Override
    @Transactional
    public OneTimePassword resetPassword(long accountId) {
        requireOnAnother("iam:account:update", accountId, "iam.account.password-reset");
        Account account = find(accountId);
        Instant now = clock.instant();
        String password = initialPasswords.generate(account.getStaffNo());
        String hash = encoder.encode(password);
        if (credentials.find(accountId).isPresent()) {
            credentials.changePassword(accountId, hash, now, true);
        } else {
            credentials.create(accountId, hash, now, true);
        }
        int ended = sessions.endSessionsOf(account.getStaffNo());
        recordChange("iam.account.password-reset", account, "mustChangePassword", true, "sessionsEnded", ended);
        return new OneTimePassword(accountId, account.getStaffNo(), account.getFullName(), password);
    }

    @Override
    @Transactional
    public void assignRoles(long accountId, int expectedVersion, Set<Long> roleIds) {
        StaffPrincipal actor = requireOnAnother("iam:role:assign", accountId, "iam.account.roles-assigned");
        Account account = load(accountId, expectedVersion);
        Set<Long> wantedIds = roleIds == null ? Set.of() : roleIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        List<Role> wanted = roles.findAllById(wantedIds);
        if (wanted.size() != wantedIds.size()) {
            throw new InvalidInputException(List.of(new FieldProblem("roleIds", "iam.admin.error.role.unknown")));
        }
        Map<Long, AccountRole> held = new HashMap<>();
        account.getRoles().forEach(r -> held.put(r.roleId(), r));
        try {
            ThreeRoleRule.check(held.keySet(), wanted);
        } catch (BaomiException refused) {
            // ORG-5: an attempt to break 三员 is kept in the trail although nothing changes.
            audit.recordIndependently(new AuditEntry(null, "iam.account.roles-assigned", "account",
                    Long.toString(accountId), null, AuditOutcome.DENIED, refused.messageKey(), AuditDetails.of(
                            "staffNo", account.getStaffNo(), "wanted", codes(wanted))));
            throw refused;
        }
        List<String> before = codes(roles.findAllById(held.keySet()));
        Instant now = clock.instant();
        Set<AccountRole> next = new HashSet<>();
        for (Role role : wanted) {
            AccountRole kept = held.get(role.getId());
            next.add(kept != null ? kept : new AccountRole(role.getId(), role.getKind().adminKind(), now, actor.accountId()));
        }
        account.replaceRoles(next);
        try {
            save(account, actor);
        } catch (DataIntegrityViolationException e) {
            throw BaomiException.conflict(ThreeRoleRule.SECOND_ADMIN_ROLE);
        }
        List<String> after = codes(wanted);
        int ended = before.equals(after) ? 0 : sessions.endSessionsOf(account.getStaffNo());
        recordChange("iam.account.roles-assigned", account, "before", before, "after", after, "sessionsEnded", ended);
    }

    @Override
    @Transactional
    public void setClearance(long accountId, int expectedVersion, SecretLevel clearance) {
        StaffPrincipal actor = requireOnAnother("iam:clearance:assign", accountId, "iam.account.clearance-changed");
        Account account = load(accountId, expectedVersion);
        if (clearance == null) {
            throw new InvalidInputException(List.of(new FieldProblem("clearance", "iam.admin.error.clearance.required")));
        }
        SecretLevel before = account.getClearance();
        account.setClearance(clearance);
        save(account, actor);
        int ended = before == clearance ? 0 : sessions.endSessionsOf(account.getStaffNo());
        recordChange("iam.account.clearance-changed", account, "before", before.name(), "after", clearance.name(),
                "sessionsEnded", ended);
    }

    @Override
    @Transactional
    public void unlock(long accountId) {
        requireOnAnother("iam:account:unlock", accountId, "iam.account.unlocked");
        Account account = find(accountId);
        Credential credential = credential(accountId);
        credentials.unlock(accountId);
        recordChange("iam.account.unlocked", account, "failedCountBefore", credential.failedCount(),
                "lockedUntilBefore", credential.lockedUntil() == null ? null : credential.lockedUntil().toString());
    }

    @Override
    @Transactional
    public void resetSecondFactor(long accountId) {
        requireOnAnother("iam:second-factor:reset", accountId, "iam.account.second-factor-reset");
        Account account = find(accountId);
        Credential credential = credential(accountId);
        credentials.resetTotp(accountId);
        recordChange("iam.account.second-factor-reset", account, "enabledBefore", credential.totpEnabled());
    }

    @Override
    @Transactional
    public void markAccessReviewed(long accountId) {
        StaffPrincipal actor = requireOnAnother("iam:access-review:manage", accountId, "iam.account.access-reviewed");
        Account account = find(accountId);
        Instant now = clock.instant();
        Instant before = account.getAccessReviewedAt();
        account.markReviewed(now, actor.accountId());
        save(account, actor);
        List<Long> heldIds = account.getRoles().stream().map(AccountRole::roleId).toList();
        recordChange("iam.account.access-reviewed", account, "roles", codes(roles.findAllById(heldIds)),
                "clearance", account.getClearance().name(), "status", account.getStatus().name(),
                "reviewedBefore", before == null ? null : before.toString());
    }

    /**
     * ACC-3: administrators act only within their authority, and never on their own account. The permission
     * check audits its own denials; a refusal of the own account is audited as the action, denied.
     */
    private StaffPrincipal requireOnAnother(String permission, long accountId, String action) {
        StaffPrincipal actor = guard.require(permission);
        if (actor.accountId() == accountId) {
            audit.recordIndependently(new AuditEntry(null, action, "account", Long.toString(accountId), null,
                    AuditOutcome.DENIED, OWN_ACCOUNT, Map.of("reason", "own-account")));
            throw BaomiException.forbidden(OWN_ACCOUNT);
        }
        return actor;
    }

    /** The trail entry of a change to an account: its staff number, then what changed (AUD-1). */
    private void recordChange(String action, Account account, Object... details) {
        Object[] keysAndValues = new Object[details.length + 2];
        keysAndValues[0] = "staffNo";
        keysAndValues[1] = account.getStaffNo();
        System.arraycopy(details, 0, keysAndValues, 2, details.length);
        audit.record(AuditEntry.allowed(action, "account", account.getId(), AuditDetails.of(keysAndValues)));
    }

    private Profile profile(String fullName, Long departmentId, Long postId, String email, String phone,
            List<FieldProblem> problems) {
        String name = AccountInput.fullName(fullName, problems);
        if (departmentId == null) {
            problems.add(new FieldProblem("departmentId", "iam.admin.error.department.required"));
        } else if (!departments.existsById(departmentId)) {
            problems.add(new FieldProblem("departmentId", "iam.admin.error.department.unknown"));
        }
        if (postId == null) {
            problems.add(new FieldProblem("postId", "iam.admin.error.post.required"));
        } else if (!posts.existsById(postId)) {
            problems.add(new FieldProblem("postId", "iam.admin.error.post.unknown"));
        }
        return new Profile(name, departmentId, postId, AccountInput.email(email, problems),
                AccountInput.phone(phone, problems));
    }

    private record Profile(String fullName, Long departmentId, Long postId, String email, String phone) {
    }

    private Account find(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> BaomiException.notFound(NOT_FOUND));
    }

    private Account load(long accountId, int expectedVersion) {
        Account account = find(accountId);
        if (account.getVersion() == null || account.getVersion() != expectedVersion) {
            throw BaomiException.conflict(STALE);
        }
        return account;
    }

    private Credential credential(long accountId) {
        return credentials.find(accountId).orElseThrow(() -> BaomiException.notFound(NOT_FOUND));
    }

    private void save(Account account, StaffPrincipal actor) {
        account.touch(clock.instant(), actor.accountId());
        try {
            accounts.save(account);
        } catch (OptimisticLockingFailureException e) {
            throw BaomiException.conflict(STALE);
        }
    }

    private static List<String> codes(List<Role> list) {
        return list.stream().map(Role::getCode).sorted().toList();
    }

    private static Map<String, Object> snapshot(Account a) {
        return AuditDetails.of("fullName", a.getFullName(), "departmentId", a.getDepartmentId(),
                "postId", a.getPostId(), "email", a.getEmail(), "phone", a.getPhone());
    }
}
