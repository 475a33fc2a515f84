package org.baomi.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.baomi.shared.BinaryCopyRows;

/**
 * The canonical encoding of an audit entry, version 1 (AUD-3; specified in docs/audit-chain.md). Every field has
 * a fixed position and a length prefix, so no two different entries encode alike; the version byte lets a later
 * encoding coexist with this one.
 *
 * <pre>
 * body  = u8 version(=1) | i64 entry id | i64 occurred_at (microseconds since 1970-01-01T00:00Z)
 *       | opt-i64 actor id | str actor name | str actor department | str actor kind | str source address
 *       | str session ref | str action | str object type | str object id | str secret level | str outcome
 *       | str reason key | str details (PostgreSQL jsonb text) | str patient id
 * opt-i64 = u8 0 (null) | u8 1, i64;   str = i32 -1 (null) | i32 byte length, UTF-8 bytes;   integers big-endian
 * MAC   = HMAC-SM3(entry MAC key, body)
 * entry hash = H(prev hash (32 bytes) | i64 seq | body | bytes MAC)      bytes = i32 -1 (null) | i32 length, bytes
 * </pre>
 */
public final class CanonicalEntry {

    public static final byte VERSION = 1;

    private CanonicalEntry() {
    }

    /** The encoding the MAC covers (no chain position: the MAC is made before the entry is sealed). */
    public static byte[] body(EntryRow e) {
        Buffer out = new Buffer(256);
        writeBody(out, e);
        return out.toArray();
    }

    /** The bytes hashed into the chain at {@code seq} after {@code prevHash}. */
    public static byte[] hashInput(byte[] prevHash, long seq, EntryRow e) {
        Buffer out = new Buffer(320);
        out.bytes(prevHash);
        out.i64(seq);
        writeBody(out, e);
        out.optBytes(e.mac());
        return out.toArray();
    }

    private static void writeBody(Buffer out, EntryRow e) {
        out.u8(VERSION);
        out.i64(e.id());
        out.i64(e.occurredAtMicros());
        if (e.actorId() == null) {
            out.u8(0);
        } else {
            out.u8(1);
            out.i64(e.actorId());
        }
        out.str(e.actorName());
        out.str(e.actorDepartment());
        out.str(e.actorKind());
        out.str(e.sourceAddress());
        out.str(e.sessionRef());
        out.str(e.action());
        out.str(e.objectType());
        out.str(e.objectId());
        out.str(e.secretLevel());
        out.str(e.outcome());
        out.str(e.reasonKey());
        out.str(e.details());
        out.str(e.patientId());
    }

    /** A growable big-endian byte buffer; also used for segment headers and Merkle nodes. */
    static final class Buffer implements BinaryCopyRows.ByteSink {
        private byte[] data;
        private int size;

        Buffer(int capacity) {
            data = new byte[capacity];
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
            }
        }

        void u8(int value) {
            ensure(1);
            data[size++] = (byte) value;
        }

        void i32(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                data[size++] = (byte) (value >>> shift);
            }
        }

        void i64(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                data[size++] = (byte) (value >>> shift);
            }
        }

        void bytes(byte[] value) {
            bytes(value, 0, value.length);
        }

        @Override
        public void bytes(byte[] value, int offset, int length) {
            ensure(length);
            System.arraycopy(value, offset, data, size, length);
            size += length;
        }

        /** Empties the buffer for reuse (its array is kept). */
        void reset() {
            size = 0;
        }

        int size() {
            return size;
        }

        /** The backing array: valid up to {@link #size()}, until the next write. */
        byte[] data() {
            return data;
        }

        void optBytes(byte[] value) {
            if (value == null) {
                i32(-1);
            } else {
                i32(value.length);
                bytes(value);
            }
        }

        void str(String value) {
            optBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
