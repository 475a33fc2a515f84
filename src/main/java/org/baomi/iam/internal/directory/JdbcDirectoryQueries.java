package org.baomi.iam.internal.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.DirectoryQueries;
import org.baomi.iam.internal.token.CallerPermissions;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory read by integration clients. Columns are chosen here, once: no credential, no clearance, no
 * contact details leave through it. Filters are fixed SQL fragments with parameters.
 */
@Service
class JdbcDirectoryQueries implements DirectoryQueries {

    static final String DEPARTMENT_READ = "iam:department:read";
    static final String STAFF_READ = "iam:staff:read";
    private static final int MAX_QUERY = 50;
    private static final int MAX_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final CallerPermissions permissions;
    private final AuditTrail audit;

    JdbcDirectoryQueries(JdbcClient jdbc, CallerPermissions permissions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Read-write: the read is audited in the same transaction. */
    @Override
    @Transactional
    public List<DirectoryDepartment> departments() {
        permissions.require(DEPARTMENT_READ);
        List<DirectoryDepartment> departments = jdbc.sql("""
                SELECT d.code, d.name_zh, d.name_en, p.code AS parent_code, d.kind
                FROM iam_department d LEFT JOIN iam_department p ON p.id = d.parent_id
                ORDER BY d.sort_order, d.code
                """).query((rs, n) -> new DirectoryDepartment(rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("parent_code"), rs.getString("kind"))).list();
        audit.record(AuditEntry.allowed("api.directory.read", "department", null,
                Map.of("resource", "departments", "results", departments.size())));
        return departments;
    }

    @Override
    @Transactional
    public DirectoryPage<DirectoryStaff> searchStaff(DirectoryStaffSearch search) {
        permissions.require(STAFF_READ);
        String query = search.query() == null || search.query().isBlank() ? null : search.query().strip();
        String department = search.departmentCode() == null || search.departmentCode().isBlank() ? null
                : search.departmentCode().strip();
        if ((query != null && query.length() > MAX_QUERY) || search.size() < 1 || search.size() > 100
                || search.page() < 0 || search.page() > MAX_PAGE || hasControl(query) || hasControl(department)) {
            throw BaomiException.invalid("error.invalid");
        }
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        clauses.add("TRUE");
        if (query != null) {
            clauses.add("(a.staff_no ILIKE :pattern OR a.full_name ILIKE :pattern)");
            params.put("pattern", "%" + escapeLike(query) + "%");
        }
        if (department != null) {
            clauses.add("d.code = :department");
            params.put("department", department);
        }
        String from = """
                FROM iam_account a
                LEFT JOIN iam_department d ON d.id = a.department_id
                LEFT JOIN iam_post p ON p.id = a.post_id
                WHERE """ + " " + String.join(" AND ", clauses);
        long total = jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
        List<DirectoryStaff> items = jdbc.sql("""
                SELECT a.staff_no, a.full_name, d.code AS department_code, p.code AS post_code, a.status
                """ + from + " ORDER BY a.staff_no LIMIT :limit OFFSET :offset")
                .params(params).param("limit", search.size()).param("offset", (long) search.page() * search.size())
                .query((rs, n) -> new DirectoryStaff(rs.getString("staff_no"), rs.getString("full_name"),
                        rs.getString("department_code"), rs.getString("post_code"),
                        AccountStatus.valueOf(rs.getString("status")))).list();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resource", "staff");
        details.put("query", query == null ? "" : query);
        details.put("departmentCode", department == null ? "" : department);
        details.put("page", search.page());
        details.put("size", search.size());
        details.put("results", items.size());
        audit.record(AuditEntry.allowed("api.directory.read", "staff", null, details));
        return new DirectoryPage<>(items, search.page(), search.size(), total);
    }

    private static boolean hasControl(String value) {
        return value != null && value.codePoints().anyMatch(Character::isISOControl);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
