package org.baomi.classification;

import java.util.List;

import org.baomi.shared.SecretLevel;

/**
 * Who may set or change a level (CLS-3): the president (permission {@link ClassificationPermissions#SET_LEVEL})
 * and the persons the president designates, each within a scope (the whole catalogue, or some domains and/or
 * categories), up to a highest level, and for a period. Levels below 秘密 are not hospital secrets (CLS-2, CLS-5):
 * any active staff member may mark content 内部 or 公开. The 三员 never classify (ORG-5). Designations are
 * revoked, never deleted.
 */
public interface ClassifierDesignations {

    /**
     * Whether the person may give content of this category this level now. A pure question: nothing is
     * audited (the caller audits the action it then takes); no permission is needed.
     */
    ClassifierDecision mayClassify(long personId, String categoryCode, SecretLevel level);

    /**
     * As {@link #mayClassify}, but a refusal is audited in its own transaction
     * ({@code classification.classifier.denied}) and thrown as FORBIDDEN with the decision's reason key.
     *
     * @return the allowing decision
     */
    ClassifierDecision requireClassifier(long personId, String categoryCode, SecretLevel level);

    /**
     * Designates a person. Permission {@link ClassificationPermissions#MANAGE_DESIGNATIONS}; audit
     * {@code classification.designation.created}.
     *
     * @return the designation's id
     * @throws org.baomi.iam.InvalidInputException field by field
     */
    long designate(DesignationDraft draft);

    /**
     * Revokes a designation from now on. Permission {@link ClassificationPermissions#MANAGE_DESIGNATIONS}; audit
     * {@code classification.designation.revoked}.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND, CONFLICT (stale version or already revoked),
     *                                         INVALID (reason missing)
     */
    void revoke(long designationId, int expectedVersion, String reason);

    /** Every designation, current ones first. Permission {@link ClassificationPermissions#MANAGE_DESIGNATIONS}. */
    List<DesignationSummary> list();
}
