package org.baomi.monitor;

/** Orders of the alert queue; SQL is chosen by the enum, never built from request text. */
public enum AlertQuerySort {
    /** Highest score first, then the latest (the queue's default: what matters most on top). */
    SCORE,
    /** Latest last access first. */
    NEWEST,
    /** Oldest last access first. */
    OLDEST;

    public String messageKey() {
        return "monitor.cases.sort." + name();
    }
}
