package org.baomi.print;

import java.time.LocalDate;

/**
 * One line of the register of classified documents (涉密文件登记簿, DOC-1), as printed.
 *
 * @param levelMark "机密★10年" (CLS-5)
 * @param status    the status, already translated
 */
public record RegisterRow(String serialNo, LocalDate registeredOn, String originUnit, String title, String levelMark,
        int copies, String custodian, String storagePlace, String status) {
}
