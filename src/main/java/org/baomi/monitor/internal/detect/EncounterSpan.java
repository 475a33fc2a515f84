package org.baomi.monitor.internal.detect;

import java.time.Instant;

/** An encounter of a patient in a department (the encounter-department explanation, ACC-4); end null while open. */
public record EncounterSpan(long patientId, long departmentId, Instant start, Instant end) {
}
