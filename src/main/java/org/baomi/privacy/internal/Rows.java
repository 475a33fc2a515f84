package org.baomi.privacy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baomi.privacy.EncounterRecord.DiagnosisRecord;

/** Validated rows, ready to write (internal shapes of the import records). */
final class Rows {

    private Rows() {
    }

    record PatientRow(String sourceId, String mrn, String name, String gender, LocalDate birthDate, String idNumber,
            String phone, String address, boolean vip, Long staffAccountId, boolean publicFigure, boolean psychiatric,
            boolean infectious, boolean deceased, LocalDate deceasedOn) {

        /** PAT-1: flagged patients are registered one level higher (fewer people may ever see them). */
        boolean sensitive() {
            return vip || staffAccountId != null || publicFigure || psychiatric;
        }
    }

    record EncounterRow(String sourceId, String patientSourceId, String encounterClass, long departmentId,
            Long attendingId, Instant start, Instant end, List<DiagnosisRecord> diagnoses) {
    }

    record MemberRow(long personId, String role, Instant from, Instant until) {
    }

    record CareTeamRow(String sourceId, String encounterSourceId, boolean active, List<MemberRow> members) {
    }

    record ChargeRow(String sourceId, String encounterSourceId, String itemCode, String itemName, String category,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, LocalDate date) {
    }

    /** Content hash of a row (its record text): unchanged re-imports are recognised and not rewritten. */
    static String hash(Record row) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
