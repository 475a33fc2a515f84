package org.baomi.monitor.internal.detect;

import java.util.Arrays;

/** A small open-addressing set of longs (no boxing), cleared and reused per person-day by the volume counting. */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = new long[16];
    private int size;

    /** Adds the value; true when it was new. */
    boolean add(long value) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, EMPTY);
            size = 0;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    {
        Arrays.fill(slots, EMPTY);
    }
}
