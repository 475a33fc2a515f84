package org.baomi.iam.internal.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link StaffLookup} over the account tables, through the same principal builder as the login. */
@Service
class JdbcStaffLookup implements StaffLookup {

    private final JdbcClient jdbc;
    private final StaffDirectory directory;

    JdbcStaffLookup(JdbcClient jdbc, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StaffPrincipal> activeById(long accountId) {
        return activeId("SELECT id FROM iam_account WHERE id = :key AND status = 'ACTIVE'", accountId)
                .flatMap(directory::principalOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StaffPrincipal> activeByStaffNo(String staffNo) {
        if (staffNo == null || staffNo.isBlank() || staffNo.length() > 32) {
            return Optional.empty();
        }
        return activeId("SELECT id FROM iam_account WHERE staff_no = :key AND status = 'ACTIVE'", staffNo.strip())
                .flatMap(directory::principalOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> activeNames(Collection<Long> accountIds) {
        Long[] ids = accountIds.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, full_name FROM iam_account WHERE id = ANY(:ids) AND status = 'ACTIVE'")
                .param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("full_name"));
                });
        return Map.copyOf(names);
    }

    private Optional<Long> activeId(String sql, Object key) {
        return jdbc.sql(sql).param("key", key).query(Long.class).optional();
    }
}
