package org.baomi.print;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The data of a cover sheet for a classified paper document (涉密文件封面, DOC-1).
 *
 * @param serialNo      the register's serial number
 * @param title         the document's title
 * @param levelMark     the level mark ("机密★10年", CLS-5)
 * @param originUnit    the originating unit
 * @param copies        the number of copies
 * @param copyNo        this copy's number, or null for the original
 * @param custodian     the custodian's name
 * @param storagePlace  where it is kept (cabinet)
 * @param registeredOn  the day it was registered
 */
public record CoverSheet(String serialNo, String title, String levelMark, String originUnit, int copies,
        Integer copyNo, String custodian, String storagePlace, LocalDate registeredOn) {

    public CoverSheet {
        Objects.requireNonNull(serialNo, "serialNo");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(levelMark, "levelMark");
    }
}
