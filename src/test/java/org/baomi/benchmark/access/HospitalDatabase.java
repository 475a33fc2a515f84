package org.baomi.benchmark.access;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.baomi.iam.AccessPermissions;
import org.baomi.iam.internal.token.ApiTokenFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a {@link Hospital} into Baomi's {@code iam_} tables with {@code COPY} (about a minute for the full size),
 * for the HTTP benchmark: accounts with posts and roles, protected objects, distribution lists, care
 * relationships, grants (revoked ones with their revocation), break-the-glass sessions and obligation holds, plus an
 * API token with scope {@link AccessPermissions#DECISION_REQUEST}. Run while no Baomi instance is up: the rows are
 * written with triggers off ({@code session_replication_role = replica}), so the change log stays empty and the
 * instances read everything when they start, as after any restart.
 *
 * <p>Also makes the changes of the propagation trials (a grant issued or revoked, a new policy version) the way the
 * application writes them, so that the change-log triggers fire.
 */
final class HospitalDatabase implements AutoCloseable {

    private final Connection connection;

    HospitalDatabase(String jdbcUrl, String user) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, "");
        connection.setAutoCommit(true);
    }

    /** The first free account id above the demo hospital's, rounded up, so synthetic ids never collide. */
    long personIdBase() throws SQLException {
        long max = single("SELECT COALESCE(MAX(id), 0) FROM iam_account");
        return Math.max(100_001, (max / 100_000 + 1) * 100_000 + 1);
    }

    /** Loads the hospital; returns a bearer token with the decision scope. */
    String load(Hospital h) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            // no triggers (change log, foreign-key checks): a bulk load before the instances start
            st.execute("SET session_replication_role = replica");
        }
        Map<String, Long> departments = departments(h);
        Map<String, Long> posts = posts(h);
        long[] roles = roles(h);
        Map<Byte, Long> adminRoles = adminRoles();
        Instant created = Instant.ofEpochMilli(h.now).minus(Duration.ofDays(400));
        // ids after the demo hospital's own care relationships, grants and sessions
        long careBase = single("SELECT COALESCE(MAX(id), 0) FROM iam_care_relationship");
        long grantBase = single("SELECT COALESCE(MAX(id), 0) FROM iam_access_grant");
        long glassBase = single("SELECT COALESCE(MAX(id), 0) FROM iam_break_glass");
        copy("COPY iam_account (id, staff_no, full_name, department_id, post_id, clearance, status, created_at, updated_at)"
                + " FROM STDIN (FORMAT csv)", out -> {
                    for (int i = 0; i < h.staff; i++) {
                        row(out, h.personId(i), h.staffNo(i), "Synthetic person " + (i + 1),
                                departments.get(h.departmentCodes[h.department[i] - 1]), posts.get(h.postOf[i]),
                                Hospital.LEVELS[h.clearance[i]].name(), h.active[i] ? "ACTIVE" : "SUSPENDED", created, created);
                    }
                });
        copy("COPY iam_account_role (account_id, role_id, admin_kind, granted_at) FROM STDIN (FORMAT csv)", out -> {
            for (int i = 0; i < h.staff; i++) {
                if (h.adminKind[i] >= 0) {
                    row(out, h.personId(i), adminRoles.get(h.adminKind[i]), Hospital.ADMIN_KINDS[h.adminKind[i]].name(), created);
                } else {
                    row(out, h.personId(i), roles[h.role[i]], null, created);
                }
            }
        });
        copy("COPY iam_protected_object (object_type, object_id, level, department_id, custodian_id, created_at, updated_at)"
                + " FROM STDIN (FORMAT csv)", out -> {
                    for (int d = 0; d < h.documents; d++) {
                        row(out, "document", Hospital.documentId(d), Hospital.LEVELS[h.documentLevel[d]].name(),
                                departments.get(h.departmentCodes[h.documentDepartment[d] - 1]),
                                h.documentCustodian[d] == Hospital.NONE ? null : h.documentCustodian[d], created, created);
                    }
                    for (int p = 0; p < h.patients; p++) {
                        row(out, "patient", Hospital.patientId(p), Hospital.LEVELS[h.patientLevel[p]].name(),
                                departments.get(h.departmentCodes[h.patientDepartment[p] - 1]), null, created, created);
                    }
                });
        copy("COPY iam_object_distribution (object_type, object_id, person_id) FROM STDIN (FORMAT csv)", out -> {
            for (int d = 0; d < h.documents; d++) {
                for (long person : h.documentDistribution[d]) {
                    row(out, "document", Hospital.documentId(d), person);
                }
            }
        });
        copy("COPY iam_care_relationship (id, person_id, patient_id, valid_from, valid_until, created_at)"
                + " FROM STDIN (FORMAT csv)", out -> {
                    for (int c = 0; c < h.care; c++) {
                        Instant from = Instant.ofEpochMilli(h.careFrom[c]);
                        row(out, careBase + c + 1, h.carePerson[c], Hospital.patientId(h.carePatient[c]), from,
                                h.careUntil[c] == Hospital.OPEN ? null : Instant.ofEpochMilli(h.careUntil[c]), from);
                    }
                });
        copy("COPY iam_access_grant (id, person_id, action, object_type, object_id, expires_at, conditions,"
                + " source_approval_id, issued_at, revoked_at, revoked_reason) FROM STDIN (FORMAT csv)", out -> {
                    for (int g = 0; g < h.grants; g++) {
                        Instant expires = Instant.ofEpochMilli(h.grantExpires[g]);
                        Instant issued = expires.minus(Duration.ofDays(90));
                        Instant revoked = h.grantRevoked[g] ? issued.plus(Duration.ofDays(1)) : null;
                        row(out, grantBase + g + 1, h.grantPerson[g], Hospital.ACTIONS[h.grantAction[g]].name(),
                                h.grantOnPatient[g] ? "patient" : "document",
                                h.grantOnPatient[g] ? Hospital.patientId(h.grantObject[g]) : Hospital.documentId(h.grantObject[g]),
                                expires, null, "SYN-" + (g + 1), issued, revoked, revoked == null ? null : "synthetic");
                    }
                });
        copy("COPY iam_break_glass (id, person_id, object_type, object_id, reason, opened_at, expires_at)"
                + " FROM STDIN (FORMAT csv)", out -> {
                    for (int s = 0; s < h.glass; s++) {
                        row(out, glassBase + s + 1, h.glassPerson[s], "patient", Hospital.patientId(h.glassPatient[s]),
                                "Synthetic emergency " + (s + 1), Instant.ofEpochMilli(h.glassOpened[s]),
                                Instant.ofEpochMilli(h.glassExpires[s]));
                    }
                });
        copy("COPY iam_obligation_hold (person_id, reason_key, held_at) FROM STDIN (FORMAT csv)", out -> {
            for (int i = 0; i < h.staff; i++) {
                if (h.held[i]) {
                    row(out, h.personId(i), BaomiEngine.HOLD_REASON, created);
                }
            }
        });
        try (Statement st = connection.createStatement()) {
            for (String table : new String[] {"iam_account", "iam_care_relationship", "iam_access_grant", "iam_break_glass"}) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))");
            }
            st.execute("SET session_replication_role = DEFAULT");
        }
        String token = apiToken(Instant.ofEpochMilli(h.now));
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE");
        }
        return token;
    }

    private Map<String, Long> departments(Hospital h) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT code, id FROM iam_department")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (String code : h.departmentCodes) {
            if (!ids.containsKey(code)) {
                ids.put(code, insertReturningId("INSERT INTO iam_department (code, name_zh, name_en, kind) VALUES (?, ?, ?, "
                        + "'CLINICAL') RETURNING id", code, code, code));
            }
        }
        return ids;
    }

    private Map<String, Long> posts(Hospital h) throws SQLException {
        Map<String, Boolean> medical = new LinkedHashMap<>();
        for (int i = 0; i < h.staff; i++) {
            medical.putIfAbsent(h.postOf[i], h.medical[i]);
        }
        Map<String, Long> ids = new HashMap<>();
        for (Map.Entry<String, Boolean> post : medical.entrySet()) {
            String code = "SYN_" + post.getKey();
            ids.put(post.getKey(), insertReturningId("INSERT INTO iam_post (code, name_zh, name_en, medical) VALUES (?, ?, ?, "
                    + post.getValue() + ") RETURNING id", code, code, "Synthetic " + post.getKey()));
        }
        return ids;
    }

    private long[] roles(Hospital h) throws SQLException {
        long[] ids = new long[h.roleNames.length];
        for (int r = 0; r < ids.length; r++) {
            String code = "syn-" + h.roleNames[r];
            ids[r] = insertReturningId("INSERT INTO iam_role (code, name_zh, name_en, kind) VALUES (?, ?, ?, 'BUSINESS') "
                    + "RETURNING id", code, code, "Synthetic " + h.roleNames[r]);
            for (String permission : h.rolePermissions.get(r)) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO iam_role_permission (role_id, permission) VALUES (?, ?)")) {
                    ps.setLong(1, ids[r]);
                    ps.setString(2, permission);
                    ps.executeUpdate();
                }
            }
        }
        return ids;
    }

    /** The built-in 三员 roles (ORG-5) by the ordinal of their kind. */
    private Map<Byte, Long> adminRoles() throws SQLException {
        Map<Byte, Long> ids = new HashMap<>();
        for (byte k = 0; k < Hospital.ADMIN_KINDS.length; k++) {
            ids.put(k, single("SELECT MIN(id) FROM iam_role WHERE kind = '" + Hospital.ADMIN_KINDS[k].name() + "'"));
        }
        return ids;
    }

    private String apiToken(Instant now) throws SQLException {
        String token = ApiTokenFormat.generate();
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO iam_api_token (name, client, token_prefix, token_hash, scopes, expires_at, created_at)
                VALUES ('Access benchmark', 'HIS', ?, ?, ?, ?, ?)
                """)) {
            ps.setString(1, ApiTokenFormat.prefixOf(token));
            ps.setString(2, ApiTokenFormat.hash(token));
            ps.setString(3, AccessPermissions.DECISION_REQUEST);
            ps.setTimestamp(4, Timestamp.from(now.plus(Duration.ofDays(30))));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
        }
        return token;
    }

    // ---- propagation trials: changes as the application makes them (the triggers fill the change log) ----

    /** Issues a READ grant for a day; returns its id. */
    long issueGrant(long personId, String type, String id, String action) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO iam_access_grant (person_id, action, object_type, object_id, expires_at, issued_at,
                                              source_approval_id)
                VALUES (?, ?, ?, ?, now() + interval '1 day', now(), 'benchmark') RETURNING id
                """)) {
            ps.setLong(1, personId);
            ps.setString(2, action);
            ps.setString(3, type);
            ps.setString(4, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void revokeGrant(long grantId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE iam_access_grant SET revoked_at = now(), revoked_reason = 'benchmark' WHERE id = ?")) {
            ps.setLong(1, grantId);
            ps.executeUpdate();
        }
    }

    /**
     * A new policy version equal to the current one except the document READ rule's bases: with or without
     * department scope.
     */
    void savePolicyWithDocumentDepartmentScope(boolean departmentScope) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            long current = single("SELECT MAX(version) FROM iam_access_policy_version");
            long next = current + 1;
            st.executeUpdate("INSERT INTO iam_access_policy_version (version, created_at, created_by_name, reason) VALUES ("
                    + next + ", now(), 'benchmark', 'Propagation trial')");
            st.executeUpdate("INSERT INTO iam_access_policy_rule (version, resource_type, action, permission, bases,"
                    + " department_max_level, medical_only, care_window_days, break_glass_minutes)"
                    + " SELECT " + next + ", resource_type, action, permission, CASE WHEN resource_type = 'document' AND"
                    + " action = 'READ' THEN '" + (departmentScope ? "CUSTODIAN DISTRIBUTION DEPARTMENT GRANT"
                            : "CUSTODIAN DISTRIBUTION GRANT") + "' ELSE bases END, department_max_level, medical_only,"
                    + " care_window_days, break_glass_minutes FROM iam_access_policy_rule WHERE version = " + current);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long insertReturningId(String sql, String... values) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void copy(String sql, Consumer<StringBuilder> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder out = new StringBuilder(1 << 22);
            ChunkedRows chunked = new ChunkedRows(copy, out);
            rows.accept(chunked.buffer);
            chunked.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Holds the CSV text; flushed to the server at the end (a few hundred MB at most for the full size). */
    private record ChunkedRows(CopyIn copy, StringBuilder buffer) {
        void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            int chunk = 1 << 20;
            for (int off = 0; off < bytes.length; off += chunk) {
                copy.writeToCopy(bytes, off, Math.min(chunk, bytes.length - off));
            }
            buffer.setLength(0);
        }
    }

    /** One CSV row; null is an empty (NULL) field; text is quoted. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v instanceof String s) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else if (v != null) {
                out.append(v);
            }
        }
        out.append('\n');
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
