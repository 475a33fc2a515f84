package org.baomi.document;

import java.util.List;

/**
 * A circulation as the custodian starts it (DOC-5).
 *
 * @param readerStaffNos the readers' staff numbers, in order (the order matters for {@link CirculationMode#SEQUENTIAL}),
 *                       1..20 distinct people other than the custodian
 * @param urgent         an urgent document comes back as soon as each reader has read it
 */
public record CirculationDraft(List<String> readerStaffNos, CirculationMode mode, boolean urgent) {

    public CirculationDraft {
        readerStaffNos = readerStaffNos == null ? List.of() : List.copyOf(readerStaffNos);
    }
}
