package org.baomi.monitor.internal.detect;

import java.time.Instant;

/** A care relationship of a person to a patient (ACC-4); until null while open. */
public record CareSpan(long personId, long patientId, Instant from, Instant until) {
}
