package org.baomi.iam.internal.account;

import java.util.Collection;
import java.util.Map;

import org.baomi.iam.StaffKeys;
import org.baomi.shared.KeyLookups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link StaffKeys} on {@code iam_account}: one query per call, by the unique staff number or the primary key. */
@Service
class JdbcStaffKeys implements StaffKeys {

    private final JdbcClient jdbc;

    JdbcStaffKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> personIds(Collection<String> staffNumbers) {
        return KeyLookups.idsByKey(jdbc,
                "SELECT staff_no, id FROM iam_account WHERE staff_no = ANY(CAST(:keys AS TEXT[]))", staffNumbers);
    }

    @Override
    public Map<Long, String> staffNumbers(Collection<Long> personIds) {
        return KeyLookups.keysById(jdbc,
                "SELECT id, staff_no FROM iam_account WHERE id = ANY(CAST(:ids AS BIGINT[]))", personIds);
    }
}
