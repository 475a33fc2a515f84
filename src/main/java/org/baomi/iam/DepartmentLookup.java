package org.baomi.iam;

import java.util.Map;
import java.util.Optional;

/**
 * Department ids by code for module code acting without a signed-in person (an import from the HIS names
 * departments by code; the demo data). Like {@link StaffLookup}: nothing is audited and no permission is needed,
 * the result is an id the calling module stores, never shown as such.
 */
public interface DepartmentLookup {

    /** The department with this code and its kind (CLINICAL, ADMINISTRATIVE, ...), if there is one. */
    Optional<Department> byCode(String code);

    /**
     * Every department's name in both languages by id, for pages shown to someone who is not staff (a patient's
     * own fee list names the departments of their visits, ACC-5). Names are not protected content.
     */
    Map<Long, LocalizedName> names();

    /** A department's id, code and kind (ORG-3). */
    record Department(long id, String code, String kind) {
    }
}
