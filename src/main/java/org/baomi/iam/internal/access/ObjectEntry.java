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

    /** A care relationship (ACC-4); {@code untilMillis} is {@link Long#MAX_VALUE} while open. */
    record Care(long id, long personId, long fromMillis, long untilMillis) {
    }

    /** An explicit grant, for one action. */
    record Grant(long id, long personId, int action, long expiresMillis) {
    }

    /** A break-the-glass session. */
    record Glass(long id, long personId, long openedMillis, long expiresMillis) {
    }

    static final long[] NO_PEOPLE = new long[0];
    static final Care[] NO_CARE = new Care[0];
    static final Grant[] NO_GRANTS = new Grant[0];
    static final Glass[] NO_GLASS = new Glass[0];

    final ResourceRef ref;
    volatile Core core;
    /** Sorted person ids (DOC-5 distribution list). */
    volatile long[] distribution = NO_PEOPLE;
    volatile Care[] care = NO_CARE;
    volatile Grant[] grants = NO_GRANTS;
    volatile Glass[] glass = NO_GLASS;

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
        if (c.custodianId() == personId || java.util.Arrays.binarySearch(distribution, personId) >= 0) {
            return true;
        }
        for (Care x : care) {
            if (x.personId() == personId) {
                return true;
            }
        }
        for (Grant x : grants) {
            if (x.personId() == personId) {
                return true;
            }
        }
        for (Glass x : glass) {
            if (x.personId() == personId) {
                return true;
            }
        }
        return false;
    }
}
