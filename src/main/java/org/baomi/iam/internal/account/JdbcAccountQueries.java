package org.baomi.iam.internal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessReviewFilter;
import org.baomi.iam.AccessReviewRow;
import org.baomi.iam.AccountDetails;
import org.baomi.iam.AccountQueries;
import org.baomi.iam.AccountSearch;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.AccountSummary;
import org.baomi.iam.AdminKind;
import org.baomi.iam.CsvExport;
import org.baomi.iam.LocalizedName;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResultPage;
import org.baomi.iam.RoleRef;
import org.baomi.shared.BaomiException;
import org.baomi.shared.CsvWriter;
import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account lists, details and the periodic access review (ACC-2). Filters become fixed SQL fragments with
 * named parameters; the order comes from an enum; nothing typed by a person reaches the SQL text.
 */
@Service
class JdbcAccountQueries implements AccountQueries {

    private static final String READ = "iam:account:read";
    private static final String REVIEW = "iam:access-review:manage";
    private static final int EXPORT_LIMIT = 20_000;

    private static final String SELECT = """
            SELECT a.id, a.staff_no, a.full_name, a.department_id, a.post_id, a.email, a.phone, a.status,
                   a.clearance, a.access_reviewed_at, a.created_at, a.version, rv.full_name AS reviewed_by_name,
                   d.name_zh AS dept_zh, d.name_en AS dept_en, p.name_zh AS post_zh, p.name_en AS post_en,
                   c.locked_until, c.failed_count, c.totp_enabled, c.must_change_password, c.last_login_at
            """;
    private static final String FROM = """
            FROM iam_account a
            LEFT JOIN iam_department d ON d.id = a.department_id
            LEFT JOIN iam_post p ON p.id = a.post_id
            LEFT JOIN iam_credential c ON c.account_id = a.id
            LEFT JOIN iam_account rv ON rv.id = a.access_reviewed_by
            """;
    private static final String OVERDUE = "(a.access_reviewed_at IS NULL OR a.access_reviewed_at < :reviewThreshold)";

    private final JdbcClient jdbc;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    JdbcAccountQueries(JdbcClient jdbc, PermissionGuard guard, AuditTrail audit, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ResultPage<AccountSummary> search(AccountSearch search) {
        guard.require(READ);
        Instant now = clock.instant();
        Where where = new Where(now);
        where.text(search.text());
        where.equal("a.department_id = :departmentId", "departmentId", search.departmentId());
        where.equal("a.status = :status", "status", search.status() == null ? null : search.status().name());
        where.equal("EXISTS (SELECT 1 FROM iam_account_role fr WHERE fr.account_id = a.id AND fr.role_id = :roleId)",
                "roleId", search.roleId());
        if (search.lockedOnly()) {
            where.add("c.locked_until > :now");
        }
        long total = count(where);
        List<Row> rows = jdbc.sql(SELECT + FROM + where.sql() + " ORDER BY " + order(search) + ", a.id"
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", search.size()).param("offset", (long) search.page() * search.size())
                .query(JdbcAccountQueries::row).list();
        Map<Long, List<RoleRef>> roles = rolesOf(rows);
        List<AccountSummary> summaries = rows.stream().map(r -> {
            List<RoleRef> held = roles.getOrDefault(r.id(), List.of());
            return new AccountSummary(r.id(), r.staffNo(), r.fullName(), r.department(), r.post(), r.status(),
                    r.clearance(), adminKind(held), held, r.lockedAt(now), r.lastLoginAt(), r.version());
        }).toList();
        return new ResultPage<>(summaries, total, search.page(), search.size());
    }

    @Override
    @Transactional(readOnly = true)
    public AccountDetails details(long accountId) {
        guard.require(READ);
        Instant now = clock.instant();
        Row r = one(accountId, now);
        List<RoleRef> held = rolesOf(List.of(r)).getOrDefault(r.id(), List.of());
        return new AccountDetails(r.id(), r.staffNo(), r.fullName(), r.departmentId(), r.department(), r.postId(),
                r.post(), r.email(), r.phone(), r.status(), r.clearance(), adminKind(held), held, r.lockedAt(now),
                r.lockedUntil(), r.failedCount(), r.totpEnabled(), r.mustChangePassword(), r.lastLoginAt(),
                r.reviewedAt(), r.reviewedBy(), overdue(r, now), r.createdAt(), r.version());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleRef> roleOptions() {
        guard.require(READ);
        return jdbc.sql("""
                SELECT id, code, name_zh, name_en, kind FROM iam_role
                ORDER BY CASE kind WHEN 'BUSINESS' THEN 1 ELSE 0 END, kind, code
                """).query((rs, i) -> roleRef(rs, "id")).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ResultPage<AccessReviewRow> accessReview(AccessReviewFilter filter) {
        guard.require(REVIEW);
        Instant now = clock.instant();
        Where where = reviewWhere(filter, now);
        long total = count(where);
        List<Row> rows = jdbc.sql(SELECT + FROM + where.sql() + " ORDER BY " + reviewOrder()
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", filter.size()).param("offset", (long) filter.page() * filter.size())
                .query(JdbcAccountQueries::row).list();
        return new ResultPage<>(reviewRows(rows, now), total, filter.page(), filter.size());
    }

    @Override
    @Transactional(readOnly = true)
    public AccessReviewRow accessReviewRow(long accountId) {
        guard.require(REVIEW);
        Instant now = clock.instant();
        return reviewRows(List.of(one(accountId, now)), now).get(0);
    }

    @Override
    @Transactional
    public CsvExport exportAccessReview(AccessReviewFilter filter, Locale locale) {
        guard.require(REVIEW);
        Instant now = clock.instant();
        Where where = reviewWhere(filter, now);
        List<Row> rows = jdbc.sql(SELECT + FROM + where.sql() + " ORDER BY " + reviewOrder() + " LIMIT :limit")
                .params(where.params()).param("limit", EXPORT_LIMIT).query(JdbcAccountQueries::row).list();
        List<AccessReviewRow> review = reviewRows(rows, now);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        CsvWriter csv = new CsvWriter();
        csv.line(List.of("staff-no", "full-name", "department", "post", "status", "admin-kind", "roles", "clearance",
                "last-login", "reviewed-at", "reviewed-by", "overdue").stream()
                .map(k -> messages.getMessage("iam.admin.review.csv." + k, null, locale)).toList());
        for (AccessReviewRow r : review) {
            csv.line(r.staffNo(), r.fullName(), name(r.department(), locale), name(r.post(), locale),
                    message(r.status().messageKey(), locale),
                    r.adminKind() == null ? "" : message(r.adminKind().messageKey(), locale),
                    r.roles().stream().map(role -> role.name().in(locale)).collect(Collectors.joining("; ")),
                    message(r.clearance().messageKey(), locale),
                    r.lastLoginAt() == null ? "" : time.format(r.lastLoginAt()),
                    r.reviewedAt() == null ? "" : time.format(r.reviewedAt()),
                    r.reviewedBy() == null ? "" : r.reviewedBy(),
                    message(r.overdue() ? "iam.admin.yes" : "iam.admin.no", locale));
        }
        String filename = "access-review-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(clock.getZone())
                .format(now) + ".csv";
        audit.record(AuditEntry.allowed("iam.access-review.exported", "access-review", null, AuditDetails.of(
                "rows", review.size(), "text", filter.text(), "departmentId", filter.departmentId(),
                "status", filter.status() == null ? null : filter.status().name(), "overdueOnly", filter.overdueOnly())));
        return new CsvExport(filename, csv.toBytes(), review.size());
    }

    private Where reviewWhere(AccessReviewFilter filter, Instant now) {
        Where where = new Where(now);
        where.text(filter.text());
        where.equal("a.department_id = :departmentId", "departmentId", filter.departmentId());
        where.equal("a.status = :status", "status", filter.status() == null ? null : filter.status().name());
        if (filter.overdueOnly()) {
            where.add(OVERDUE);
        }
        return where;
    }

    private static String reviewOrder() {
        return OVERDUE + " DESC, d.sort_order NULLS LAST, d.code, a.staff_no";
    }

    private List<AccessReviewRow> reviewRows(List<Row> rows, Instant now) {
        Map<Long, List<RoleRef>> roles = rolesOf(rows);
        return rows.stream().map(r -> {
            List<RoleRef> held = roles.getOrDefault(r.id(), List.of());
            return new AccessReviewRow(r.id(), r.staffNo(), r.fullName(), r.department(), r.post(), r.status(),
                    adminKind(held), held, r.clearance(), r.lastLoginAt(), r.reviewedAt(), r.reviewedBy(),
                    overdue(r, now));
        }).toList();
    }

    private Row one(long accountId, Instant now) {
        return jdbc.sql(SELECT + FROM + " WHERE a.id = :id").param("id", accountId)
                .query(JdbcAccountQueries::row).optional()
                .orElseThrow(() -> BaomiException.notFound(AccountAdministration.NOT_FOUND));
    }

    private long count(Where where) {
        return jdbc.sql("SELECT count(*) " + FROM + where.sql()).params(where.params()).query(Long.class).single();
    }

    private static String order(AccountSearch search) {
        return switch (search.sort()) {
            case STAFF_NO -> "a.staff_no";
            case NAME -> "a.full_name, a.staff_no";
            case DEPARTMENT -> "d.sort_order NULLS LAST, d.code, a.staff_no";
            case STATUS -> "a.status, a.staff_no";
            case LAST_LOGIN -> "c.last_login_at DESC NULLS LAST, a.staff_no";
            case NEWEST -> "a.created_at DESC";
        };
    }

    private Map<Long, List<RoleRef>> rolesOf(List<Row> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<RoleRef>> result = new HashMap<>();
        jdbc.sql("""
                SELECT ar.account_id, r.id AS role_id, r.code, r.name_zh, r.name_en, r.kind
                FROM iam_account_role ar JOIN iam_role r ON r.id = ar.role_id
                WHERE ar.account_id IN (:ids)
                ORDER BY CASE r.kind WHEN 'BUSINESS' THEN 1 ELSE 0 END, r.code
                """).param("ids", rows.stream().map(Row::id).toList())
                .query((rs, i) -> Map.entry(rs.getLong("account_id"), roleRef(rs, "role_id"))).list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
    }

    private static RoleRef roleRef(ResultSet rs, String idColumn) throws SQLException {
        String kind = rs.getString("kind");
        return new RoleRef(rs.getLong(idColumn), rs.getString("code"),
                new LocalizedName(rs.getString("name_zh"), rs.getString("name_en")),
                "BUSINESS".equals(kind) ? null : AdminKind.valueOf(kind));
    }

    private static AdminKind adminKind(List<RoleRef> roles) {
        return roles.stream().map(RoleRef::adminKind).filter(k -> k != null).findFirst().orElse(null);
    }

    private static boolean overdue(Row r, Instant now) {
        return r.reviewedAt() == null || r.reviewedAt().isBefore(now.minus(ACCESS_REVIEW_INTERVAL));
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String name(LocalizedName name, Locale locale) {
        return name == null ? "" : name.in(locale);
    }

    private record Row(long id, String staffNo, String fullName, Long departmentId, LocalizedName department,
            Long postId, LocalizedName post, String email, String phone, AccountStatus status, SecretLevel clearance,
            Instant reviewedAt, String reviewedBy, Instant createdAt, int version, Instant lockedUntil,
            int failedCount, boolean totpEnabled, boolean mustChangePassword, Instant lastLoginAt) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String deptZh = rs.getString("dept_zh");
        String postZh = rs.getString("post_zh");
        return new Row(rs.getLong("id"), rs.getString("staff_no"), rs.getString("full_name"),
                (Long) rs.getObject("department_id"),
                deptZh == null ? null : new LocalizedName(deptZh, rs.getString("dept_en")),
                (Long) rs.getObject("post_id"),
                postZh == null ? null : new LocalizedName(postZh, rs.getString("post_en")),
                rs.getString("email"), rs.getString("phone"), AccountStatus.valueOf(rs.getString("status")),
                SecretLevel.valueOf(rs.getString("clearance")), instant(rs, "access_reviewed_at"),
                rs.getString("reviewed_by_name"), instant(rs, "created_at"), rs.getInt("version"),
                instant(rs, "locked_until"), rs.getInt("failed_count"), rs.getBoolean("totp_enabled"),
                rs.getBoolean("must_change_password"), instant(rs, "last_login_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** WHERE clause from fixed fragments; values only ever as named parameters. */
    private static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where(Instant now) {
            params.put("now", Timestamp.from(now));
            params.put("reviewThreshold", Timestamp.from(now.minus(ACCESS_REVIEW_INTERVAL)));
        }

        void text(String text) {
            if (text != null) {
                conditions.add("(a.staff_no ILIKE :pattern ESCAPE '\\' OR a.full_name ILIKE :pattern ESCAPE '\\')");
                params.put("pattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }

        void equal(String condition, String name, Object value) {
            if (value != null) {
                conditions.add(condition);
                params.put(name, value);
            }
        }

        void add(String condition) {
            conditions.add(condition);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> params() {
            return params;
        }
    }
}
