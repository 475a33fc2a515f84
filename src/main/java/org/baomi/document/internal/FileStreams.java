package org.baomi.document.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Streams used around the vault by the document's file operations (DOC-9). */
final class FileStreams {

    private FileStreams() {
    }

    /** Stops reading past a limit (the upload's size limit), remembering that it did. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean exceeded;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("size limit exceeded");
            }
        }

        boolean exceeded() {
            return exceeded;
        }

        long count() {
            return count;
        }
    }

    /**
     * Plaintext held in memory for PDF work (PDFBox needs the whole document), refused past a cap, and overwritten
     * with zeros when done so that the heap keeps it no longer than needed.
     */
    static final class PlainBuffer extends ByteArrayOutputStream implements AutoCloseable {

        private final long cap;

        PlainBuffer(long expectedSize, long cap) {
            super((int) Math.min(Math.max(expectedSize, 32), cap));
            this.cap = cap;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > cap) {
                throw new IllegalStateException("plaintext buffer cap exceeded");
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1L > cap) {
                throw new IllegalStateException("plaintext buffer cap exceeded");
            }
            super.write(b);
        }

        InputStream input() {
            return new ByteArrayInputStream(buf, 0, count);
        }

        @Override
        public void close() {
            Arrays.fill(buf, (byte) 0);
            count = 0;
        }
    }
}
