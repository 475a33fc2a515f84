package org.baomi.document;

import org.baomi.shared.SecretLevel;

/**
 * A document as the registrar enters it (DOC-2). The level and period default from the category (CLS-2, CLS-4)
 * but may be set otherwise by a person allowed to classify (CLS-3).
 *
 * @param direction        received or dispatched
 * @param title            1..300 characters
 * @param docNumber        the document's own number (文号), optional, at most 100 characters
 * @param originatingUnit  who issued it, 1..200 characters
 * @param categoryCode     an active category of the catalogue
 * @param level            the level; null takes the category's default
 * @param term             the confidentiality period; null takes the category's default
 * @param copies           number of copies held, 1..999
 * @param custodianStaffNo staff number of the custodian, who must be cleared for the level
 * @param storagePlace     cabinet or room, optional, at most 200 characters
 * @param remarks          optional, at most 1000 characters
 */
public record DocumentDraft(Direction direction, String title, String docNumber, String originatingUnit,
        String categoryCode, SecretLevel level, ConfidentialityTerm term, Integer copies, String custodianStaffNo,
        String storagePlace, String remarks) {
}
