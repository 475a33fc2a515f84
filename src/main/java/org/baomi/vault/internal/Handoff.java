package org.baomi.vault.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded hand-off between the caller's thread and one helper thread, so that encryption (or decryption) and the
 * database's I/O overlap on two cores while at most {@code capacity} segments are in memory. The helper thread works
 * only on the caller's JDBC connection, which the caller does not touch until {@link #finish()} or {@link #abort()}
 * has returned: the connection is never used by two threads at once.
 */
final class Handoff<T> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private Future<?> helper;

    Handoff(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** The helper's work: a producer that {@link #offer}s items, or a consumer that {@link #take}s them. */
    interface Work<T> {
        void run(Handoff<T> handoff) throws Exception;
    }

    Handoff<T> start(ExecutorService executor, Work<T> work) {
        helper = executor.submit(() -> {
            work.run(this);
            return null;
        });
        return this;
    }

    /** Hands an item over; false when the other side has stopped (aborted or failed). */
    boolean offer(T item) throws InterruptedException {
        return offerRaw(item);
    }

    /** Marks the end of the items. */
    boolean end() throws InterruptedException {
        return offerRaw(END);
    }

    /**
     * The next item, or null at the end.
     *
     * @throws HelperFailedException when the helper failed before handing over the next item
     */
    @SuppressWarnings("unchecked")
    T take() throws InterruptedException {
        while (true) {
            Object item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (item == END) {
                return null;
            }
            if (item != null) {
                return (T) item;
            }
            if (aborted.get()) {
                return null;
            }
            if (helper != null && helper.isDone() && queue.isEmpty()) {
                rethrowHelperFailure();
                return null;
            }
        }
    }

    boolean aborted() {
        return aborted.get();
    }

    /** Waits for the helper and rethrows its failure. */
    void finish() throws InterruptedException {
        rethrowHelperFailure();
    }

    /** Stops the other side and waits for the helper to leave the connection; never throws the helper's failure. */
    void abort() {
        aborted.set(true);
        queue.clear();
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the caller is already failing for its own reason
        }
    }

    private boolean offerRaw(Object item) throws InterruptedException {
        while (!aborted.get()) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (helper != null && helper.isDone()) {
                rethrowHelperFailure();
                return false;
            }
        }
        return false;
    }

    private void rethrowHelperFailure() throws InterruptedException {
        if (helper == null) {
            return;
        }
        try {
            helper.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new HelperFailedException(cause);
        }
    }

    /** The helper thread failed with a checked exception (a SQLException). */
    static final class HelperFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelperFailedException(Throwable cause) {
            super("vault I/O failed", cause);
        }
    }
}
