package org.baomi.monitor;

/** How a case is concluded (PAT-4): the accesses were justified, a violation (with a sanction), or referred on. */
public enum PrivacyCaseOutcome {
    JUSTIFIED, VIOLATION, REFERRED;

    public String messageKey() {
        return "monitor.cases.outcome." + name();
    }
}
