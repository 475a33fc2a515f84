package org.baomi.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Streams the result of a query as {@code COPY (query) TO STDOUT (FORMAT binary)} and parses it without building
 * a Java object per field: for the passes over millions of rows (the audit chain's verification and sealing, AUD-3;
 * the monitoring's full re-scoring). PostgreSQL's binary COPY writes each field as {@code i32 length} (-1 for null)
 * followed by the value in network byte order; the audit chain's canonical encoding writes strings and byte strings
 * the same way, so an entry's canonical body is mostly copied ({@link #copy}), not re-encoded.
 *
 * <p>Only for queries built from trusted parts: COPY takes no bind parameters, so callers inline numbers and
 * instants they formatted themselves, never text from outside.
 */
public final class BinaryCopyRows implements AutoCloseable {

    /** Receives bytes straight out of the reader's buffer (valid only during the call). */
    @FunctionalInterface
    public interface ByteSink {
        void bytes(byte[] source, int offset, int length);
    }

    /** PostgreSQL's timestamp epoch (2000-01-01T00:00Z) in microseconds since 1970-01-01T00:00Z. */
    public static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final PGCopyInputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean ended;

    private BinaryCopyRows(PGCopyInputStream in) {
        this.in = in;
    }

    /**
     * Starts {@code COPY (query) TO STDOUT (FORMAT binary)} on the connection (which stays busy until
     * {@link #close}) and checks the stream's header.
     */
    public static BinaryCopyRows open(Connection connection, String query) throws SQLException {
        BinaryCopyRows rows = new BinaryCopyRows(new PGCopyInputStream(connection.unwrap(PGConnection.class),
                "COPY (" + query + ") TO STDOUT (FORMAT binary)"));
        try {
            rows.readHeader();
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        return rows;
    }

    private void readHeader() {
        need(SIGNATURE.length + 8);
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IllegalStateException("Not a binary COPY stream");
        }
        pos += SIGNATURE.length;
        readInt(); // flags
        skip(readInt()); // header extension
    }

    /** Starts the next row: its number of fields, or -1 after the last row. */
    public int nextRow() {
        need(2);
        short fields = (short) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
        pos += 2;
        if (fields < 0) {
            ended = true;
        }
        return fields;
    }

    /** The next field's length (-1: null); its bytes follow. */
    public int length() {
        return readInt();
    }

    public int readInt() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public long readLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    /** A whole nullable int8 field. */
    public Long int8() {
        int n = length();
        if (n < 0) {
            return null;
        }
        return readLong();
    }

    /** A whole int4 field (not null). */
    public int int4() {
        length();
        return readInt();
    }

    /** A whole int8 field (not null). */
    public long int8NotNull() {
        length();
        return readLong();
    }

    /** A whole boolean field (not null). */
    public boolean bool() {
        length();
        need(1);
        return buf[pos++] != 0;
    }

    /** A whole bytea field (null: null). */
    public byte[] bytes() {
        int n = length();
        if (n < 0) {
            return null;
        }
        need(n);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A whole text field as a string (null: null). */
    public String text() {
        int n = length();
        if (n < 0) {
            return null;
        }
        need(n);
        String out = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return out;
    }

    /** A whole timestamptz field (not null) in microseconds since 1970-01-01T00:00Z. */
    public long epochMicros() {
        length();
        return readLong() + PG_EPOCH_MICROS;
    }

    /** Hands the next {@code n} bytes to {@code out}. */
    public void copy(ByteSink out, int n) {
        need(n);
        out.bytes(buf, pos, n);
        pos += n;
    }

    public void skip(int n) {
        need(n);
        pos += n;
    }

    /** Makes at least {@code n} bytes available at {@code pos}. */
    private void need(int n) {
        if (limit - pos >= n) {
            return;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        try {
            while (limit < n) {
                int read = in.read(buf, limit, buf.length - limit);
                if (read < 0) {
                    throw new IllegalStateException("The binary COPY stream ended early");
                }
                limit += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (ended) {
                // read up to the end of the COPY so that the connection is ready for the next statement
                byte[] rest = new byte[256];
                while (in.read(rest) >= 0) {
                    // nothing after the trailer
                }
            } else if (in.isActive()) {
                in.cancelCopy();
            }
            in.close();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Closing a COPY stream failed", e);
        }
    }
}
