package org.baomi.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's record as shown for one purpose (PAT-3): identifiers masked unless the person holds
 * {@link PrivacyPermissions#IDENTIFIER_READ}; diagnoses and fee list only when the purpose needs them (the lists are
 * then empty and the flags false). Built server side in one place; templates show what they get.
 *
 * @param identifiersShown whether ID number, phone and address are shown in full
 */
public record PatientView(long id, String mrn, String name, String gender, LocalDate birthDate, String idNumber,
        String phone, String address, boolean identifiersShown, List<String> flags, boolean deceased,
        LocalDate deceasedOn, PatientPurpose purpose, List<Encounter> encounters, boolean diagnosesShown,
        List<Charge> charges, boolean chargesShown) {

    public PatientView {
        flags = List.copyOf(flags);
        encounters = List.copyOf(encounters);
        charges = List.copyOf(charges);
    }

    /** An encounter; {@code diagnoses} empty unless the purpose shows them. */
    public record Encounter(long id, String encounterClass, long departmentId, String department, String attending,
            Instant start, Instant end, List<Diagnosis> diagnoses) {
    }

    /** A diagnosis (ICD-10). */
    public record Diagnosis(String icd10, String text) {
    }

    /** A fee list line. */
    public record Charge(long encounterId, String itemCode, String itemName, String category, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, LocalDate chargedOn) {
    }

    /** Sum of the fee list shown. */
    public BigDecimal total() {
        return charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
