package org.baomi.iam.internal.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.baomi.iam.AccessPerson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff number (工号) to account id, for the decision API and the office's screens, which name people by staff
 * number. A staff number never changes nor moves to another account (accounts are never deleted), so a found id
 * is cached for good: the decision API then answers without a database round trip (issue 3 item 5: thousands of
 * decisions a second). Unknown numbers are not cached, so a newly registered person is found at once.
 */
@Component
public class StaffNumbers {

    /** Far above a hospital's staff; past it the cache starts afresh rather than grow without bound. */
    private static final int MAX_CACHED = 200_000;

    private final JdbcClient jdbc;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    StaffNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account id of the staff number (case and surrounding blanks ignored), if an account has it. */
    public OptionalLong idOf(String staffNo) {
        String key = normalise(staffNo);
        if (key == null) {
            return OptionalLong.empty();
        }
        Long cached = ids.get(key);
        if (cached != null) {
            return OptionalLong.of(cached);
        }
        Optional<Long> found = jdbc.sql("SELECT id FROM iam_account WHERE staff_no = :no").param("no", key)
                .query(Long.class).optional();
        if (found.isEmpty()) {
            return OptionalLong.empty();
        }
        if (ids.size() >= MAX_CACHED) {
            ids.clear();
        }
        ids.put(key, found.get());
        return OptionalLong.of(found.get());
    }

    /** The person with the staff number, name as it is now. */
    public Optional<AccessPerson> personOf(String staffNo) {
        String key = normalise(staffNo);
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, staff_no, full_name FROM iam_account WHERE staff_no = :no").param("no", key)
                .query((rs, n) -> new AccessPerson(rs.getLong("id"), rs.getString("staff_no"), rs.getString("full_name")))
                .optional();
    }

    /** The person with the account id, name as it is now. */
    public Optional<AccessPerson> personOf(long accountId) {
        return jdbc.sql("SELECT id, staff_no, full_name FROM iam_account WHERE id = :id").param("id", accountId)
                .query((rs, n) -> new AccessPerson(rs.getLong("id"), rs.getString("staff_no"), rs.getString("full_name")))
                .optional();
    }

    private static String normalise(String staffNo) {
        if (staffNo == null) {
            return null;
        }
        String s = staffNo.strip();
        // Staff numbers are letters, digits and hyphens, at most 32 (RegisterAccount); anything else is unknown.
        if (s.isEmpty() || s.length() > 32) {
            return null;
        }
        return s.toUpperCase(Locale.ROOT);
    }
}
