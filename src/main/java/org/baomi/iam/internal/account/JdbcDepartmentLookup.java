package org.baomi.iam.internal.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.LocalizedName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link DepartmentLookup} on {@code iam_department}. */
@Service
class JdbcDepartmentLookup implements DepartmentLookup {

    private final JdbcClient jdbc;

    JdbcDepartmentLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Department> byCode(String code) {
        return jdbc.sql("SELECT id, code, kind FROM iam_department WHERE code = :code").param("code", code)
                .query((rs, i) -> new Department(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    @Override
    public Map<Long, LocalizedName> names() {
        Map<Long, LocalizedName> names = new HashMap<>();
        jdbc.sql("SELECT id, name_zh, name_en FROM iam_department").query(rs -> {
            names.put(rs.getLong(1), new LocalizedName(rs.getString(2), rs.getString(3)));
        });
        return names;
    }
}
