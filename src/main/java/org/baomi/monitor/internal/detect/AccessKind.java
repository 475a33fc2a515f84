package org.baomi.monitor.internal.detect;

/** The actions of {@code mon_access_event.action}, in the order of their index in {@link AccessEvents}. */
public enum AccessKind {
    READ, CREATE, UPDATE, DELETE, PRINT, EXPORT, QUERY
}
