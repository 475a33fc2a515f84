package org.baomi.monitor.internal.detect;

import java.util.Arrays;

/**
 * Access events in columns (id, person, patient, epoch second, action), so that ten million of them fit in a few
 * hundred megabytes and a pass over them touches arrays only. In time order (ties by id) when scored: the per-day
 * counting of the volume detector relies on it. {@link #add} refuses an event older than the last one; a reader that
 * gets events in any order {@link #append}s them and then calls {@link #sortByTime}.
 */
public final class AccessEvents {

    private long[] ids;
    private long[] persons;
    private long[] patients;
    private long[] seconds;
    private byte[] actions;
    private int size;
    private boolean sorted = true;

    public AccessEvents(int capacity) {
        int c = Math.max(16, capacity);
        ids = new long[c];
        persons = new long[c];
        patients = new long[c];
        seconds = new long[c];
        actions = new byte[c];
    }

    /**
     * Appends an event.
     *
     * @param personId    the person's account id (0 when unresolved: such events are counted, not scored)
     * @param epochSecond when
     * @param action      index of the action (see {@code AccessKind}); not used by the detectors
     * @throws IllegalArgumentException when older than the last event
     */
    public void add(long id, long personId, long patientId, long epochSecond, int action) {
        if (!sorted || size > 0 && epochSecond < seconds[size - 1]) {
            throw new IllegalArgumentException("access events must be added in time order");
        }
        append(id, personId, patientId, epochSecond, action);
    }

    /** Appends an event in any order; {@link #sortByTime} must follow before the events are scored. */
    void append(long id, long personId, long patientId, long epochSecond, int action) {
        if (size > 0 && epochSecond < seconds[size - 1]) {
            sorted = false;
        }
        if (size == ids.length) {
            int c = size + (size >> 1);
            ids = Arrays.copyOf(ids, c);
            persons = Arrays.copyOf(persons, c);
            patients = Arrays.copyOf(patients, c);
            seconds = Arrays.copyOf(seconds, c);
            actions = Arrays.copyOf(actions, c);
        }
        ids[size] = id;
        persons[size] = personId;
        patients[size] = patientId;
        seconds[size] = epochSecond;
        actions[size] = (byte) action;
        size++;
    }

    /**
     * Puts the events in time order, ties by id. A database sort of ten million rows spills to disk and runs on one
     * core (most of a full re-scoring's reading time, benchmarks/monitor-scoring-e2e.sh); here it is a few linear
     * passes: a stable radix sort by id, then by second, over the bytes in which the keys differ.
     */
    void sortByTime() {
        if (sorted) {
            return;
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        RadixOrder radix = new RadixOrder(size);
        order = radix.stableBy(ids, order);
        order = radix.stableBy(seconds, order);
        ids = gather(ids, order);
        persons = gather(persons, order);
        patients = gather(patients, order);
        seconds = gather(seconds, order);
        byte[] a = new byte[size];
        for (int i = 0; i < size; i++) {
            a[i] = actions[order[i]];
        }
        actions = a;
        sorted = true;
    }

    /** True when in time order (always, except between {@link #append} out of order and {@link #sortByTime}). */
    public boolean sorted() {
        return sorted;
    }

    private long[] gather(long[] column, int[] order) {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    /** Least-significant-byte-first radix sort of positions by a long key, stable, skipping bytes all keys share. */
    private static final class RadixOrder {

        private final long[] keys;
        private final long[] keysOut;
        private int[] spare;

        RadixOrder(int size) {
            keys = new long[size];
            keysOut = new long[size];
            spare = new int[size];
        }

        /** {@code order} re-ordered stably by {@code column[order[i]]}; may return (and reuse) either array. */
        int[] stableBy(long[] column, int[] order) {
            int n = order.length;
            long[] k = keys;
            long[] kOut = keysOut;
            long varying = 0;
            for (int i = 0; i < n; i++) {
                k[i] = column[order[i]] ^ Long.MIN_VALUE; // sign flipped: negative keys sort first as unsigned bytes
                varying |= k[i] ^ k[0];
            }
            int[] counts = new int[257];
            for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                if (((varying >>> shift) & 0xFF) == 0) {
                    continue;
                }
                Arrays.fill(counts, 0);
                for (int i = 0; i < n; i++) {
                    counts[(int) ((k[i] >>> shift) & 0xFF) + 1]++;
                }
                for (int b = 0; b < 256; b++) {
                    counts[b + 1] += counts[b];
                }
                int[] out = spare;
                for (int i = 0; i < n; i++) {
                    int slot = counts[(int) ((k[i] >>> shift) & 0xFF)]++;
                    kOut[slot] = k[i];
                    out[slot] = order[i];
                }
                spare = order;
                order = out;
                long[] t = k;
                k = kOut;
                kOut = t;
            }
            return order;
        }
    }

    public int size() {
        return size;
    }

    public long id(int i) {
        return ids[i];
    }

    public long person(int i) {
        return persons[i];
    }

    public long patient(int i) {
        return patients[i];
    }

    public long second(int i) {
        return seconds[i];
    }

    public int action(int i) {
        return actions[i];
    }
}
