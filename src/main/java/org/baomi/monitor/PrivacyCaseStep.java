package org.baomi.monitor;

/**
 * Where a case stands (PAT-4): triage by the office, an explanation from the person's department head, an interview,
 * then closed as concluded or dismissed. Each open step has a deadline.
 */
public enum PrivacyCaseStep {
    TRIAGE, EXPLANATION, INTERVIEW, CONCLUDED, DISMISSED;

    /** Whether the case is still being worked on. */
    public boolean open() {
        return this == TRIAGE || this == EXPLANATION || this == INTERVIEW;
    }

    public String messageKey() {
        return "monitor.cases.step." + name();
    }
}
