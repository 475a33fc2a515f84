package org.baomi.iam;

import java.util.Optional;
import java.util.Set;

/**
 * The register of protected objects the decision point decides about. Modules that own content (documents,
 * patients, archives) register each object, its level, department and custodian, and keep the distribution list
 * current; unregistered objects are denied to everyone (deny by default).
 *
 * <p>Writes join the caller's transaction (or run in their own without one) and take effect in the decision model of every instance
 * within a second of the commit (at once on the writing instance). The calling module audits its own business
 * action; because level, custodian and distribution decide who may see the object, the register also records each
 * change itself (AUD-1), in the caller's transaction: audit actions {@code access.object.registered} and
 * {@code access.distribution.changed}. No permission is checked here: callers are module code acting on a decision
 * they already obtained.
 */
public interface ProtectedObjects {

    /** Registers the object or updates its level, department and custodian. */
    void register(ProtectedObject object);

    /**
     * {@link #register} for many objects of one type at once (patients imported from the HIS, the demo hospital):
     * one statement, and ONE audit record {@code access.objects.registered} per call listing the count, the type and
     * the ids, so that an import of thousands of objects does not write thousands of records (AUD-1, audit volume).
     * Does nothing for an empty list.
     *
     * @throws org.baomi.shared.BaomiException INVALID when the objects are not all of one type
     */
    void registerAll(java.util.List<ProtectedObject> objects);

    /**
     * Replaces the object's distribution list (DOC-5: who may read it besides the custodian).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND when the object is not registered
     */
    void setDistribution(ResourceRef ref, Set<Long> personIds);

    /** The object as the model knows it now. */
    Optional<ProtectedObject> find(ResourceRef ref);

    /** The object's distribution list as the model knows it now. */
    Set<Long> distributionOf(ResourceRef ref);
}
