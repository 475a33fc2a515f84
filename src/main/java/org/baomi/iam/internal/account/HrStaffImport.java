package org.baomi.iam.internal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.StaffImport;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff from HR (issue 6 item 1); see {@link StaffImport}. Written with plain SQL rather than through the
 * {@link Account} aggregate so that the roles of an account are never loaded nor rewritten (ORG-5: the import does
 * not touch roles) and the version is bumped like any other change, so a form open on the account sees it as stale.
 */
@Service
class HrStaffImport implements StaffImport {

    static final String ADMIN_ACCOUNT = "staff-import.error.admin-account";
    static final String DEPARTMENT_UNKNOWN = "staff-import.error.department-unknown";
    static final String POST_UNKNOWN = "staff-import.error.post-unknown";
    static final String GENDER = "staff-import.error.gender";
    static final String PROFILE_REQUIRED = "staff-import.error.profile-required";
    static final String PLACEMENT_REQUIRED = "staff-import.error.placement-required";
    private static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");

    private final JdbcClient jdbc;
    private final ApiCallers callers;
    private final AuditTrail audit;
    private final SessionTerminator sessions;
    private final AccessChangeFeed feed;
    private final Clock clock;
    private final TransactionTemplate tx;

    HrStaffImport(JdbcClient jdbc, ApiCallers callers, AuditTrail audit, SessionTerminator sessions,
            AccessChangeFeed feed, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.audit = audit;
        this.sessions = sessions;
        this.feed = feed;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public List<Result> importStaff(List<HrStaff> records, boolean atomic) {
        String source = callers.currentClient().orElse(null);
        if (source == null || !callers.hasScope(SCOPE)) {
            audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", SCOPE, null,
                    AuditOutcome.DENIED, "error.forbidden", Map.of("permission", SCOPE, "scope", "missing")));
            throw BaomiException.forbidden("error.forbidden");
        }
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, Long> departments = ids("SELECT code, id FROM iam_department");
        Map<String, Long> posts = ids("SELECT code, id FROM iam_post");
        List<Planned> plans = new ArrayList<>(records.size());
        boolean allValid = true;
        boolean anyValid = false;
        for (HrStaff record : records) {
            Planned plan = plan(record, departments, posts);
            allValid &= plan.problems.isEmpty();
            anyValid |= plan.problems.isEmpty();
            plans.add(plan);
        }
        if (!anyValid || atomic && !allValid) {
            return refused(source, atomic, plans, plans.stream().map(p -> new Result(p.staffNo,
                    p.problems.isEmpty() ? Outcome.NOT_WRITTEN : Outcome.REJECTED, p.problems)).toList());
        }
        List<Result> written = tx.execute(status -> {
            List<Result> results = new ArrayList<>(plans.size());
            for (Planned plan : plans) {
                results.add(plan.problems.isEmpty() ? write(plan)
                        : new Result(plan.staffNo, Outcome.REJECTED, plan.problems));
            }
            if (atomic && results.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED)) {
                // a staff number registered by hand meanwhile: all or nothing still holds
                status.setRollbackOnly();
                return results.stream().map(r -> r.outcome() == Outcome.REJECTED ? r
                        : new Result(r.staffNo(), Outcome.NOT_WRITTEN, List.of())).toList();
            }
            boolean noise = results.stream().allMatch(r -> r.outcome() == Outcome.UNCHANGED);
            if (!noise) {
                // AUD-1: one record per request, in the write's transaction; the same HR data sent again is not news.
                audit.record(new AuditEntry(null, "iam.account.hr-imported", "account", null, null,
                        AuditOutcome.ALLOWED, null, summary(source, atomic, results, plans)));
                feed.pollAfterCommit();
            }
            return results;
        });
        if (atomic && written.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED)) {
            return refused(source, atomic, plans, written);
        }
        return written;
    }

    /** Nothing written: the refusal is recorded on its own (FAILED), like any failure (AUD-1). */
    private List<Result> refused(String source, boolean atomic, List<Planned> plans, List<Result> results) {
        audit.recordIndependently(new AuditEntry(null, "iam.account.hr-imported", "account", null, null,
                AuditOutcome.FAILED, "staff-import.rejected", summary(source, atomic, results, plans)));
        return results;
    }

    private Planned plan(HrStaff record, Map<String, Long> departments, Map<String, Long> posts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (record == null) {
            problems.add(new FieldProblem("staffNo", "iam.admin.error.staff-no.required"));
            return new Planned(null, null, null, null, problems);
        }
        problems.addAll(record.problems());
        if (!problems.isEmpty() && record.staffNo() == null) {
            return new Planned(null, null, null, null, problems);
        }
        String staffNo = AccountInput.staffNo(record.staffNo(), problems);
        Existing existing = staffNo == null ? null : find(staffNo);
        if (existing != null && existing.admin) {
            // ORG-5: the 三员 are managed inside Baomi only, whatever HR says about them.
            problems.add(new FieldProblem("staffNo", ADMIN_ACCOUNT, staffNo));
        }
        Fields wanted = null;
        Profile profile = record.profile();
        Placement placement = record.placement();
        if (existing == null && staffNo != null) {
            if (profile == null) {
                problems.add(new FieldProblem("fullName", PROFILE_REQUIRED, staffNo));
            }
            if (placement == null) {
                problems.add(new FieldProblem("departmentCode", PLACEMENT_REQUIRED, staffNo));
            }
        }
        String name = null;
        String gender = null;
        String email = null;
        String phone = null;
        if (profile != null) {
            name = AccountInput.fullName(profile.fullName(), problems);
            gender = profile.gender() == null || profile.gender().isBlank() ? null
                    : profile.gender().strip().toLowerCase(Locale.ROOT);
            if (gender != null && !GENDERS.contains(gender)) {
                problems.add(new FieldProblem("gender", GENDER, profile.gender()));
            }
            email = AccountInput.email(profile.email(), problems);
            phone = AccountInput.phone(profile.phone(), problems);
        }
        Long departmentId = null;
        Long postId = null;
        if (placement != null) {
            String department = placement.departmentCode();
            departmentId = department == null ? null : departments.get(department.strip());
            if (departmentId == null) {
                problems.add(new FieldProblem("departmentCode", DEPARTMENT_UNKNOWN, String.valueOf(department)));
            }
            postId = placement.postCode() == null ? null : posts.get(placement.postCode().strip());
            if (postId == null) {
                problems.add(new FieldProblem("postCode", POST_UNKNOWN, String.valueOf(placement.postCode())));
            }
        }
        if (problems.isEmpty()) {
            Fields base = existing != null ? existing.fields : null;
            AccountStatus status;
            if (existing == null) {
                status = profile.active() ? AccountStatus.ACTIVE : AccountStatus.SUSPENDED;
            } else if (profile != null && !profile.active() && existing.fields.status == AccountStatus.ACTIVE) {
                status = AccountStatus.SUSPENDED;
            } else {
                // Reactivation stays the system administrator's decision (see StaffImport).
                status = existing.fields.status;
            }
            wanted = new Fields(profile != null ? name : base.fullName, profile != null ? gender : base.gender,
                    profile != null ? email : base.email, profile != null ? phone : base.phone,
                    placement != null ? departmentId : base.departmentId, placement != null ? postId : base.postId,
                    status);
        }
        return new Planned(staffNo, existing, wanted, profile, problems);
    }

    private Result write(Planned plan) {
        Instant now = clock.instant();
        Fields f = plan.wanted;
        if (plan.existing == null) {
            int inserted = jdbc.sql("""
                    INSERT INTO iam_account (staff_no, full_name, gender, department_id, post_id, clearance, status,
                                             email, phone, created_at, updated_at)
                    VALUES (:no, :name, :gender, :dept, :post, 'INTERNAL', :status, :email, :phone, :now, :now)
                    ON CONFLICT (staff_no) DO NOTHING""")
                    .param("no", plan.staffNo).param("name", f.fullName).param("gender", f.gender)
                    .param("dept", f.departmentId).param("post", f.postId).param("status", f.status.name())
                    .param("email", f.email).param("phone", f.phone).param("now", java.sql.Timestamp.from(now))
                    .update();
            if (inserted == 0) {
                // registered by hand between our look-up and now
                return new Result(plan.staffNo, Outcome.REJECTED,
                        List.of(new FieldProblem("staffNo", "iam.admin.error.staff-no.taken", plan.staffNo)));
            }
            return new Result(plan.staffNo, Outcome.CREATED, List.of());
        }
        if (f.equals(plan.existing.fields)) {
            return new Result(plan.staffNo, Outcome.UNCHANGED, List.of());
        }
        jdbc.sql("""
                UPDATE iam_account SET full_name = :name, gender = :gender, department_id = :dept, post_id = :post,
                       status = :status, email = :email, phone = :phone, updated_at = :now, updated_by = NULL,
                       version = version + 1
                 WHERE id = :id""")
                .param("name", f.fullName).param("gender", f.gender).param("dept", f.departmentId)
                .param("post", f.postId).param("status", f.status.name()).param("email", f.email)
                .param("phone", f.phone).param("now", java.sql.Timestamp.from(now)).param("id", plan.existing.id)
                .update();
        if (f.status != AccountStatus.ACTIVE && plan.existing.fields.status == AccountStatus.ACTIVE) {
            sessions.endSessionsOf(plan.staffNo);
        }
        return new Result(plan.staffNo, Outcome.UPDATED, List.of());
    }

    private Existing find(String staffNo) {
        return jdbc.sql("""
                SELECT a.id, a.full_name, a.gender, a.email, a.phone, a.department_id, a.post_id, a.status,
                       EXISTS (SELECT 1 FROM iam_account_role r WHERE r.account_id = a.id AND r.admin_kind IS NOT NULL)
                           AS admin
                  FROM iam_account a WHERE upper(a.staff_no) = upper(:no)""")
                .param("no", staffNo)
                .query((rs, n) -> new Existing(rs.getLong("id"), rs.getBoolean("admin"), new Fields(
                        rs.getString("full_name"), rs.getString("gender"), rs.getString("email"), rs.getString("phone"),
                        (Long) rs.getObject("department_id", Long.class), (Long) rs.getObject("post_id", Long.class),
                        AccountStatus.valueOf(rs.getString("status")))))
                .optional().orElse(null);
    }

    private Map<String, Long> ids(String sql) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    private static Map<String, Object> summary(String source, boolean atomic, List<Result> results,
            List<Planned> plans) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> suspended = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            counts.merge(r.outcome().name(), 1, Integer::sum);
            if (r.outcome() == Outcome.CREATED) {
                created.add(r.staffNo());
            } else if (r.outcome() == Outcome.UPDATED) {
                updated.add(r.staffNo());
                Planned p = plans.get(i);
                if (p.wanted.status != p.existing.fields.status) {
                    suspended.add(r.staffNo());
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        details.put("mode", atomic ? "all-or-nothing" : "each-on-its-own");
        details.put("counts", counts);
        details.put("created", created);
        details.put("updated", updated);
        details.put("suspended", suspended);
        return details;
    }

    /** What the import sets on an account. */
    private record Fields(String fullName, String gender, String email, String phone, Long departmentId, Long postId,
            AccountStatus status) {
    }

    private record Existing(long id, boolean admin, Fields fields) {
    }

    private record Planned(String staffNo, Existing existing, Fields wanted, Profile profile,
            List<FieldProblem> problems) {

        Planned {
            Objects.requireNonNull(problems);
        }
    }
}
