package org.baomi.iam.internal.access;

import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;

/**
 * A protected object in the decision model. Each part (core attributes, distribution list, care team, grants,
 * break-the-glass sessions) is an immutable value behind its own volatile field, replaced whole by the model's single
 * writer, so readers need no lock and never see a half-applied change of one part.
 */
public final class ObjectEntry {

    /** Level, department and custodian, changed together. */
    record Core(SecretLevel level, long departmentId, long custodianId) {
    }

    /**
     * Care relationships, grants and break-the-glass sessions are kept flat, four longs per entry, so that a decision
     * reads one array instead of chasing a pointer per entry: {@code [id, person, a, b]} where for care a = from and
     * b = until ({@link Long#MAX_VALUE} while open, ACC-4), for grants a = action ordinal and b = expiry, for sessions
     * a = opened and b = expiry (all times in epoch milliseconds).
     */
    static final int STRIDE = 4;
    static final int ID = 0;
    static final int PERSON = 1;
    static final int A = 2;
    static final int B = 3;

    static final long[] NO_PEOPLE = new long[0];
    static final long[] NONE = new long[0];

    final ResourceRef ref;
    volatile Core core;
    /** Sorted person ids (DOC-5 distribution list). */
    volatile long[] distribution = NO_PEOPLE;
    volatile long[] care = NONE;
    volatile long[] grants = NONE;
    volatile long[] glass = NONE;

    ObjectEntry(ResourceRef ref, Core core) {
        this.ref = ref;
        this.core = core;
    }

    public ResourceRef ref() {
        return ref;
    }

    public SecretLevel level() {
        return core.level();
    }

    /** Whether the person is related to the object other than by department (candidate for reverse queries). */
    boolean relates(long personId) {
        Core c = core;
        // an entry without core (object not registered yet) still holds care, grants and sessions
        if (c != null && c.custodianId() == personId || java.util.Arrays.binarySearch(distribution, personId) >= 0) {
            return true;
        }
        return has(care, personId) || has(grants, personId) || has(glass, personId);
    }

    private static boolean has(long[] entries, long personId) {
        for (int i = 0; i < entries.length; i += STRIDE) {
            if (entries[i + PERSON] == personId) {
                return true;
            }
        }
        return false;
    }

    /** A copy with the entry added. */
    static long[] with(long[] entries, long id, long personId, long a, long b) {
        long[] copy = java.util.Arrays.copyOf(entries, entries.length + STRIDE);
        copy[entries.length + ID] = id;
        copy[entries.length + PERSON] = personId;
        copy[entries.length + A] = a;
        copy[entries.length + B] = b;
        return copy;
    }

    /** A copy without the entry of the id (the same array when absent). */
    static long[] without(long[] entries, long id) {
        for (int i = 0; i < entries.length; i += STRIDE) {
            if (entries[i + ID] == id) {
                long[] copy = new long[entries.length - STRIDE];
                System.arraycopy(entries, 0, copy, 0, i);
                System.arraycopy(entries, i + STRIDE, copy, i, entries.length - i - STRIDE);
                return copy;
            }
        }
        return entries;
    }

    /** The person of the entry of the id, or {@link AccessModel#NONE}. */
    static long personOf(long[] entries, long id) {
        for (int i = 0; i < entries.length; i += STRIDE) {
            if (entries[i + ID] == id) {
                return entries[i + PERSON];
            }
        }
        return AccessModel.NONE;
    }
}
