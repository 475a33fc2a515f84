package org.baomi.privacy;

import java.math.BigDecimal;

/**
 * One itemised charge of a fee list.
 *
 * @param sourceId          the source system's id of the charge
 * @param patientSourceId   its patient, or null (then the encounter's); must match the encounter's when given
 * @param encounterSourceId its encounter
 * @param itemCode          charge item code
 * @param itemName          charge item name
 * @param category          DRUG, EXAMINATION, TREATMENT, BED, MATERIAL or OTHER
 * @param quantity          more than zero
 * @param unitPrice         zero or more (null: amount / quantity)
 * @param amount            quantity × unit price to the cent (null: computed)
 * @param date              ISO date of the charge
 */
public record ChargeRecord(String sourceId, String patientSourceId, String encounterSourceId, String itemCode,
        String itemName, String category, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String date) {
}
