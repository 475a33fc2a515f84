package org.baomi.approval;

/** How the approvers of a chain step are chosen (issue 4 item 1). */
public enum ApproverRule {
    /** People holding role {@code department-head} in the requester's department (ACC-9). */
    DEPARTMENT_HEAD,
    /** People holding the step's role anywhere in the hospital (e.g. {@code confidentiality-office}). */
    ROLE,
    /** People holding role {@code president} (CLS-3, DOC-3, ACC-5). */
    PRESIDENT;

    public String messageKey() {
        return "approval.rule." + name();
    }
}
