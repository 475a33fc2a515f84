package org.baomi.vault.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Streams a file's segments into and out of {@code vlt_segment} on the caller's transactional connection (DOC-9),
 * with the cipher on the caller's thread and the database I/O on a helper thread, a few segments apart: at most
 * {@value #IN_FLIGHT} segments are in memory per stream whatever the file's size. Plaintext exists only in the
 * caller's buffers; the helper thread only ever sees ciphertext.
 */
@Component
class SegmentStreams implements DisposableBean {

    /** Segments queued between the two threads. */
    static final int IN_FLIGHT = 4;
    /** Segments per INSERT batch. */
    private static final int BATCH = 4;

    private final DataSource dataSource;
    private final ExecutorService io;

    SegmentStreams(DataSource dataSource) {
        this.dataSource = dataSource;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "vault-io-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.io = Executors.newCachedThreadPool(factory);
    }

    /** What was written. */
    record Written(long size, int segments) {
    }

    /** A segment's ciphertext with its index. */
    private record Segment(int index, byte[] data) {
    }

    /** The plaintext could not be read from the caller's stream. */
    static final class InputFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputFailedException(IOException cause) {
            super("reading the plaintext stream failed", cause);
        }
    }

    /** The caller's output stream failed. */
    static final class OutputFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputFailedException(IOException cause) {
            super("writing the plaintext stream failed", cause);
        }
    }

    /** The rows do not match the header: a segment missing, extra or out of order. */
    static final class SegmentsAlteredException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SegmentsAlteredException(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * Reads the plaintext to its end, encrypts it segment by segment and inserts the segments. Must run in the
     * transaction that holds the file's row.
     */
    Written write(long fileId, SegmentCipher cipher, int segmentSize, InputStream plaintext) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Handoff<Segment> handoff = new Handoff<Segment>(IN_FLIGHT).start(io, h -> insertAll(connection, fileId, h));
        PushbackInputStream in = new PushbackInputStream(plaintext, 1);
        byte[] buffer = new byte[segmentSize];
        long size = 0;
        int index = 0;
        boolean done = false;
        try {
            while (!done) {
                int n = in.readNBytes(buffer, 0, segmentSize);
                done = n < segmentSize || atEnd(in);
                byte[] sealed = new byte[n + SegmentCipher.TAG_BYTES];
                cipher.seal(index, done, buffer, n, sealed);
                size += n;
                if (!handoff.offer(new Segment(index, sealed))) {
                    handoff.finish();
                    throw new IllegalStateException("segment writer stopped");
                }
                index++;
            }
            handoff.end();
            handoff.finish();
            return new Written(size, index);
        } catch (IOException e) {
            handoff.abort();
            throw new InputFailedException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handoff.abort();
            throw new IllegalStateException("interrupted while storing", e);
        } catch (RuntimeException e) {
            handoff.abort();
            throw e;
        } finally {
            java.util.Arrays.fill(buffer, (byte) 0);
        }
    }

    /**
     * Reads, verifies and decrypts every segment into {@code out}, writing each only after its tag verified.
     *
     * @throws SegmentCipher.SegmentTamperedException   a segment failed its tag
     * @throws SegmentsAlteredException a segment is missing, extra or out of place
     * @throws OutputFailedException    {@code out} failed
     */
    void read(long fileId, SegmentCipher cipher, int segmentSize, int segments, OutputStream out) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Handoff<Segment> handoff = new Handoff<Segment>(IN_FLIGHT).start(io, h -> fetchAll(connection, fileId, h));
        byte[] plain = new byte[segmentSize + SegmentCipher.TAG_BYTES];
        boolean completed = false;
        try {
            for (int expected = 0; expected < segments; expected++) {
                Segment segment = handoff.take();
                if (segment == null) {
                    throw new SegmentsAlteredException("file cut short at segment " + expected);
                }
                if (segment.index() != expected || segment.data().length > segmentSize + SegmentCipher.TAG_BYTES) {
                    throw new SegmentsAlteredException("segment out of place at " + expected);
                }
                int n = cipher.open(expected, expected == segments - 1, segment.data(), segment.data().length, plain);
                try {
                    out.write(plain, 0, n);
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }
            if (handoff.take() != null) {
                throw new SegmentsAlteredException("segments after the last one");
            }
            handoff.finish();
            completed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            if (!completed) {
                handoff.abort();
            }
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private static boolean atEnd(PushbackInputStream in) throws IOException {
        int next = in.read();
        if (next < 0) {
            return true;
        }
        in.unread(next);
        return false;
    }

    private static void insertAll(Connection connection, long fileId, Handoff<Segment> handoff) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO vlt_segment (file_id, idx, data) VALUES (?, ?, ?)")) {
            int pending = 0;
            Segment segment;
            while ((segment = handoff.take()) != null) {
                insert.setLong(1, fileId);
                insert.setInt(2, segment.index());
                insert.setBytes(3, segment.data());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0 && !handoff.aborted()) {
                insert.executeBatch();
            }
        }
    }

    private static void fetchAll(Connection connection, long fileId, Handoff<Segment> handoff) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT idx, data FROM vlt_segment WHERE file_id = ? ORDER BY idx")) {
            // a cursor (the transaction keeps auto-commit off): a few segments at a time, never the whole file
            select.setFetchSize(IN_FLIGHT);
            binaryResults(select);
            select.setLong(1, fileId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!handoff.offer(new Segment(rows.getInt(1), rows.getBytes(2)))) {
                        return;
                    }
                }
            }
            handoff.end();
        }
    }

    /**
     * Asks pgjdbc for bytea in binary from the first execution: in text form PostgreSQL sends every segment as hex,
     * twice its size, encoded by the server and decoded by the driver on the two cores the cipher needs.
     */
    private static void binaryResults(PreparedStatement statement) throws java.sql.SQLException {
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }
    }

    @Override
    public void destroy() {
        io.shutdownNow();
    }
}
