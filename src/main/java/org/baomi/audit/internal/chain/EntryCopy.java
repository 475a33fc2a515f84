package org.baomi.audit.internal.chain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Writes audit entries (with their MACs, ids and normalised details already known) with one {@code COPY ... FROM
 * STDIN} in PostgreSQL's text format (AUD-1, AUD-3; issue 8 "ingest" and "bulk import"). COPY is PostgreSQL's
 * cheapest way in: one statement, rows inserted in multi-row batches, no executor per row. The row's {@code tx}
 * column still takes the inserting transaction's id by default, so the sealer's (tx, id) order holds as for any
 * INSERT. All rows are in or none: a bad row fails the whole COPY (the caller's transaction is then aborted).
 */
public final class EntryCopy {

    /** The COPY statement (public for benchmarks that copy the same rows elsewhere). */
    public static final String COPY = "COPY aud_entry (id, occurred_at, actor_id, actor_name, actor_department, actor_kind,"
            + " source_address, session_ref, action, object_type, object_id, secret_level, outcome, reason_key,"
            + " details, patient_id, mac) FROM STDIN";
    private static final HexFormat HEX = HexFormat.of();

    private EntryCopy() {
    }

    /** Copies the rows (each with its MAC) on the connection, in its current transaction; returns rows copied. */
    public static long copy(Connection connection, List<EntryRow> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (EntryRow row : rows) {
            append(text, row);
        }
        return copy(connection, text);
    }

    /** Copies rows already encoded by {@link #append}. */
    public static long copy(Connection connection, CharSequence encoded) throws SQLException {
        byte[] bytes = encoded.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY of audit entries failed", e);
        }
    }

    /** Appends one row in COPY text format (tab-separated, {@code \N} for null, backslash escapes). */
    public static void append(StringBuilder out, EntryRow r) {
        out.append(r.id()).append('\t');
        timestamp(out, r.occurredAtMicros());
        out.append('\t');
        if (r.actorId() == null) {
            out.append("\\N");
        } else {
            out.append(r.actorId().longValue());
        }
        out.append('\t');
        text(out, r.actorName());
        text(out, r.actorDepartment());
        text(out, r.actorKind());
        text(out, r.sourceAddress());
        text(out, r.sessionRef());
        text(out, r.action());
        text(out, r.objectType());
        text(out, r.objectId());
        text(out, r.secretLevel());
        text(out, r.outcome());
        text(out, r.reasonKey());
        text(out, r.details());
        text(out, r.patientId());
        if (r.mac() == null) {
            out.append("\\N");
        } else {
            // bytea input "\x<hex>", its backslash escaped for COPY
            out.append("\\\\x").append(HEX.formatHex(r.mac()));
        }
        out.append('\n');
    }

    /** {@code yyyy-MM-dd HH:mm:ss.ffffff+00}, without a formatter (this runs for every entry written). */
    static void timestamp(StringBuilder out, long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            out.append(Instant.ofEpochSecond(seconds, fraction * 1_000L));
            return;
        }
        out.append(t.getYear()).append('-');
        two(out, t.getMonthValue());
        out.append('-');
        two(out, t.getDayOfMonth());
        out.append(' ');
        two(out, t.getHour());
        out.append(':');
        two(out, t.getMinute());
        out.append(':');
        two(out, t.getSecond());
        out.append('.');
        for (int div = 100_000; div > 0; div /= 10) {
            out.append((char) ('0' + fraction / div % 10));
        }
        out.append("+00");
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N\t");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\t');
    }
}
