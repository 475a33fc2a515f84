package org.baomi.iam.internal.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.baomi.iam.StaffKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link StaffKeys} on {@code iam_account}: one query per call, by the unique staff number or the primary key. */
@Service
class JdbcStaffKeys implements StaffKeys {

    private static final int MAX = 10_000;

    private final JdbcClient jdbc;

    JdbcStaffKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> personIds(Collection<String> staffNumbers) {
        Map<String, Long> found = new HashMap<>();
        if (staffNumbers.isEmpty()) {
            return found;
        }
        bounded(staffNumbers.size());
        jdbc.sql("SELECT staff_no, id FROM iam_account WHERE staff_no = ANY(CAST(:numbers AS TEXT[]))")
                .param("numbers", staffNumbers.toArray(new String[0]))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    @Override
    public Map<Long, String> staffNumbers(Collection<Long> personIds) {
        Map<Long, String> found = new HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        bounded(personIds.size());
        jdbc.sql("SELECT id, staff_no FROM iam_account WHERE id = ANY(CAST(:ids AS BIGINT[]))")
                .param("ids", personIds.toArray(new Long[0]))
                .query(rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                });
        return found;
    }

    private static void bounded(int size) {
        if (size > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " keys per call");
        }
    }
}
