package org.baomi.monitor;

/** The status of an alert (contract column {@code mon_alert.status}). */
public enum AlertQueryStatus {
    /** Waiting in the queue. */
    OPEN,
    /** Held by a case. */
    IN_CASE,
    /** Dismissed by the office, with a reason. */
    DISMISSED,
    /** No longer produced by a re-scoring (and in no case). */
    WITHDRAWN;

    public String messageKey() {
        return "monitor.cases.alert-status." + name();
    }
}
