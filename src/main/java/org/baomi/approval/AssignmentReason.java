package org.baomi.approval;

/** Why people are (again) asked to decide a step. */
public enum AssignmentReason {
    /** The step has just opened. */
    NEW_STEP,
    /** The step's deadline is near and nobody has decided yet. */
    REMINDER,
    /** The deadline passed; the step went to the escalation approvers. */
    ESCALATION,
    /** An approver on leave delegated the step. */
    DELEGATION
}
