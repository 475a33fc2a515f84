package org.baomi.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's own fee lists (ACC-5): their encounters, newest first, each with its itemised charges. No diagnoses
 * (PAT-3: the fee list is what the patient asked for).
 */
public record SelfServiceFees(long patientId, String mrn, String patientName, List<Encounter> encounters,
        BigDecimal total) {

    public SelfServiceFees {
        encounters = List.copyOf(encounters);
    }

    /**
     * One visit or stay.
     *
     * @param encounterClass OUTPATIENT, INPATIENT or EMERGENCY
     * @param department     the department's name in the request's language
     */
    public record Encounter(long id, String encounterClass, String department, Instant start, Instant end,
            List<Charge> charges, BigDecimal total) {

        public Encounter {
            charges = List.copyOf(charges);
        }
    }

    /** One fee list line; category DRUG, EXAMINATION, TREATMENT, BED, MATERIAL or OTHER. */
    public record Charge(String itemCode, String itemName, String category, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal amount, LocalDate date) {
    }
}
