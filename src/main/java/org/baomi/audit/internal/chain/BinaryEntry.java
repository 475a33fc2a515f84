package org.baomi.audit.internal.chain;

import org.baomi.shared.BinaryCopyRows;

/**
 * One audit entry read from a binary COPY stream ({@link BinaryCopyRows}) straight into its canonical body (AUD-3):
 * integers and length-prefixed strings are copied as PostgreSQL sends them, the timestamp is moved to the Unix
 * epoch, and the {@code jsonb} value loses its format version byte (PostgreSQL sends the same text as
 * {@code details::text} after it). The result is byte for byte {@link CanonicalEntry#body}; the chain primitives
 * test compares both. Reused row after row by one reader.
 */
final class BinaryEntry {

    /** The entry's columns, in the order {@link #read} expects, for queries on {@code aud_entry e}. */
    static final String COLUMNS = "e.id, e.occurred_at, e.actor_id, e.actor_name, e.actor_department, e.actor_kind,"
            + " e.source_address, e.session_ref, e.action, e.object_type, e.object_id, e.secret_level, e.outcome,"
            + " e.reason_key, e.details, e.patient_id, e.mac";
    private static final int FIELDS = 17;
    private static final int STRINGS_BEFORE_DETAILS = 11;

    boolean present;
    long id;
    int bodyStart;
    int bodyEnd;
    /** Where the MAC field (i32 length, bytes) starts in the buffer, and the MAC's length (-1: none). */
    int macStart;
    int macLength;

    /**
     * Reads the entry's {@value #FIELDS} fields and appends its canonical body, then its MAC as a length-prefixed
     * byte string (as {@link CanonicalEntry#hashInput} ends), to {@code out}. All fields null (an outer join found
     * no entry): {@link #present} is false and nothing is appended.
     */
    void read(BinaryCopyRows in, CanonicalEntry.Buffer out) {
        int n = in.length();
        if (n < 0) {
            present = false;
            for (int i = 1; i < FIELDS; i++) {
                int skip = in.length();
                if (skip > 0) {
                    in.skip(skip);
                }
            }
            return;
        }
        present = true;
        bodyStart = out.size();
        out.u8(CanonicalEntry.VERSION);
        id = in.readLong();
        out.i64(id);
        in.length();
        out.i64(in.readLong() + BinaryCopyRows.PG_EPOCH_MICROS);
        if (in.length() < 0) {
            out.u8(0);
        } else {
            out.u8(1);
            out.i64(in.readLong());
        }
        for (int i = 0; i < STRINGS_BEFORE_DETAILS; i++) {
            string(in, out);
        }
        int details = in.length();
        if (details < 0) {
            out.i32(-1);
        } else {
            int version = in.readByte();
            if (version != 1) {
                throw new IllegalStateException("Unknown jsonb format version " + version);
            }
            out.i32(details - 1);
            in.copy(out, details - 1);
        }
        string(in, out);
        bodyEnd = out.size();
        macStart = out.size();
        macLength = in.length();
        out.i32(macLength);
        if (macLength > 0) {
            in.copy(out, macLength);
        }
    }

    /** Skips an entry's {@value #FIELDS} fields. */
    static void skip(BinaryCopyRows in) {
        for (int i = 0; i < FIELDS; i++) {
            int n = in.length();
            if (n > 0) {
                in.skip(n);
            }
        }
    }

    private static void string(BinaryCopyRows in, CanonicalEntry.Buffer out) {
        int n = in.length();
        out.i32(n);
        if (n > 0) {
            in.copy(out, n);
        }
    }
}
