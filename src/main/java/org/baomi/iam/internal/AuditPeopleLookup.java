package org.baomi.iam.internal;

import java.util.List;

import org.baomi.audit.AuditPeopleDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's side of the audit console's person picker (ORG-5: the audit administrator finds people). */
@Component
class AuditPeopleLookup implements AuditPeopleDirectory {

    private final JdbcClient jdbc;

    AuditPeopleLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditPerson> find(String text, int limit) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT a.id, a.staff_no, a.full_name, CASE WHEN :english THEN d.name_en ELSE d.name_zh END AS department
                FROM iam_account a LEFT JOIN iam_department d ON d.id = a.department_id
                WHERE a.staff_no ILIKE :pattern OR a.full_name ILIKE :pattern
                ORDER BY (upper(a.staff_no) = upper(:exact)) DESC, a.staff_no LIMIT :limit
                """)
                .param("english", english).param("pattern", pattern).param("exact", text).param("limit", limit)
                .query((rs, n) -> new AuditPerson(rs.getLong("id"), rs.getString("staff_no"),
                        rs.getString("full_name"), rs.getString("department")))
                .list();
    }
}
