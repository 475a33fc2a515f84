package org.baomi.vault.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Streams a file's segments into and out of {@code vlt_segment} on the caller's transactional connection (DOC-9):
 * the caller's thread reads (or writes) the plaintext stream, a pool of crypto threads seals (or opens) segments in
 * parallel, since each segment is independent, and a helper thread does the database I/O, all a few segments apart:
 * about {@value #IN_FLIGHT} segments are in memory per stream whatever the file's size. Plaintext exists only in
 * memory; the I/O thread only ever sees ciphertext; output is written strictly in order, each segment only after its
 * own tag and those of all before it verified.
 */
@Component
class SegmentStreams implements DisposableBean {

    /** Segments queued between the two threads. */
    static final int IN_FLIGHT = 4;
    /** Segments per INSERT batch. */
    private static final int BATCH = 4;

    private final DataSource dataSource;
    private final ExecutorService io;
    /** Segments are independent: they are sealed and opened in parallel, in order of hand-over. */
    private final ExecutorService crypto;

    SegmentStreams(DataSource dataSource) {
        this.dataSource = dataSource;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "vault-io-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.io = Executors.newCachedThreadPool(factory);
        AtomicInteger cryptoThreads = new AtomicInteger();
        this.crypto = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "vault-crypto-" + cryptoThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
    Written write(long fileId, Supplier<SegmentCipher> ciphers, int segmentSize, InputStream plaintext) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Handoff<Future<Segment>> handoff = new Handoff<Future<Segment>>(IN_FLIGHT)
                .start(io, h -> insertAll(connection, fileId, h));
        PushbackInputStream in = new PushbackInputStream(plaintext, 1);
        long size = 0;
        int index = 0;
        boolean done = false;
        try {
            while (!done) {
                byte[] buffer = new byte[segmentSize];
                int n = in.readNBytes(buffer, 0, segmentSize);
                done = n < segmentSize || atEnd(in);
                int segment = index;
                boolean last = done;
                Future<Segment> sealed = crypto.submit(() -> {
                    byte[] out = new byte[n + SegmentCipher.TAG_BYTES];
                    ciphers.get().seal(segment, last, buffer, n, out);
                    Arrays.fill(buffer, (byte) 0);
                    return new Segment(segment, out);
                });
                size += n;
                if (!handoff.offer(sealed)) {
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
        }
    }

    /**
     * Reads, verifies and decrypts every segment into {@code out}, writing each only after its tag verified.
     *
     * @throws SegmentCipher.SegmentTamperedException   a segment failed its tag
     * @throws SegmentsAlteredException a segment is missing, extra or out of place
     * @throws OutputFailedException    {@code out} failed
     */
    void read(long fileId, Supplier<SegmentCipher> ciphers, int segmentSize, int segments, OutputStream out) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Handoff<Future<Opened>> handoff = new Handoff<Future<Opened>>(IN_FLIGHT).start(io,
                h -> fetchAll(connection, fileId, h, (position, row) -> crypto.submit(() ->
                        open(ciphers.get(), position, row, segmentSize, segments))));
        boolean completed = false;
        try {
            for (int expected = 0; expected < segments; expected++) {
                Future<Opened> next = handoff.take();
                if (next == null) {
                    throw new SegmentsAlteredException("file cut short at segment " + expected);
                }
                Opened plain = await(next);
                try {
                    out.write(plain.data(), 0, plain.length());
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                } finally {
                    Arrays.fill(plain.data(), (byte) 0);
                }
            }
            Future<Opened> extra = handoff.take();
            if (extra != null) {
                await(extra);
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
        }
    }

    /** One opened segment. */
    private record Opened(byte[] data, int length) {
    }

    /** Opens the row found at {@code position}: its index must be that position, and no row may follow the last. */
    private static Opened open(SegmentCipher cipher, int position, Segment row, int segmentSize, int segments) {
        if (position >= segments) {
            throw new SegmentsAlteredException("segments after the last one");
        }
        if (row.index() != position || row.data().length > segmentSize + SegmentCipher.TAG_BYTES) {
            throw new SegmentsAlteredException("segment out of place at " + position);
        }
        byte[] plain = new byte[Math.max(0, row.data().length - SegmentCipher.TAG_BYTES)];
        int n = cipher.open(position, position == segments - 1, row.data(), row.data().length, plain);
        return new Opened(plain, n);
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("segment cipher failed", e.getCause());
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

    private static void insertAll(Connection connection, long fileId, Handoff<Future<Segment>> handoff)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO vlt_segment (file_id, idx, data) VALUES (?, ?, ?)")) {
            int pending = 0;
            Future<Segment> sealed;
            while ((sealed = handoff.take()) != null) {
                Segment segment = await(sealed);
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

    /** Submits a fetched row for opening; the position is the row's place in index order. */
    private interface Opener {
        Future<Opened> submit(int position, Segment row);
    }

    private static void fetchAll(Connection connection, long fileId, Handoff<Future<Opened>> handoff, Opener opener)
            throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT idx, data FROM vlt_segment WHERE file_id = ? ORDER BY idx")) {
            // a cursor (the transaction keeps auto-commit off): a few segments at a time, never the whole file
            select.setFetchSize(IN_FLIGHT);
            binaryResults(select);
            select.setLong(1, fileId);
            try (ResultSet rows = select.executeQuery()) {
                int position = 0;
                while (rows.next()) {
                    if (!handoff.offer(opener.submit(position++, new Segment(rows.getInt(1), rows.getBytes(2))))) {
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
        crypto.shutdownNow();
    }
}
