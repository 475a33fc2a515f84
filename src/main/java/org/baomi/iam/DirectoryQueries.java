package org.baomi.iam;

import java.util.List;

/**
 * The hospital's directory for integration clients and other modules: departments and staff, without
 * credentials or clearances. Readers need {@code iam:department:read} or {@code iam:staff:read} (as a
 * permission of a signed-in person or a scope of an API token); every read is audited as
 * {@code api.directory.read}.
 */
public interface DirectoryQueries {

    /**
     * All departments, in the order of the tree.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited), UNAUTHENTICATED
     */
    List<DirectoryDepartment> departments();

    /**
     * One page of staff matching the search, ordered by staff number.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited), UNAUTHENTICATED, INVALID
     */
    DirectoryPage<DirectoryStaff> searchStaff(DirectoryStaffSearch search);

    /** A department: code, names, parent code and kind (ORG-3). */
    record DirectoryDepartment(String code, String nameZh, String nameEn, String parentCode, String kind) {
    }

    /** A staff member as the directory shows them: no credentials, no clearance. */
    record DirectoryStaff(String staffNo, String fullName, String departmentCode, String postCode,
            AccountStatus status) {
    }

    /**
     * @param query          part of the staff number or name, or null
     * @param departmentCode exact department code, or null
     * @param page           zero-based
     * @param size           1 to 100
     */
    record DirectoryStaffSearch(String query, String departmentCode, int page, int size) {
    }

    /** One page of results and the total number of matches. */
    record DirectoryPage<T>(List<T> items, int page, int size, long total) {

        public DirectoryPage {
            items = List.copyOf(items);
        }
    }
}
