package org.baomi.monitor.internal.detect;

import java.util.Arrays;

/**
 * Access events in columns (id, person, patient, epoch second, action), so that ten million of them fit in a few
 * hundred megabytes and a pass over them touches arrays only. Appended in time order: the per-day counting of the
 * volume detector relies on it ({@link #add} refuses an event older than the last one).
 */
public final class AccessEvents {

    private long[] ids;
    private long[] persons;
    private long[] patients;
    private long[] seconds;
    private byte[] actions;
    private int size;

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
        if (size > 0 && epochSecond < seconds[size - 1]) {
            throw new IllegalArgumentException("access events must be added in time order");
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
