package org.baomi.iam.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.baomi.iam.DirectoryQueries.DirectoryStaffSearch;

/**
 * Body of {@code POST /api/v1/iam/staff/search}. Constraint messages are message keys, translated into the
 * request's language by the API's exception handler.
 *
 * @param query          part of a staff number or name, at most 50 characters, printable
 * @param departmentCode exact department code
 * @param page           zero-based page, default 0
 * @param size           page size 1 to 100, default 20
 */
record StaffSearchRequest(
        @Size(max = 50, message = "api.directory.query.size")
        @Pattern(regexp = PRINTABLE, message = "api.directory.text.printable") String query,
        @Size(max = 40, message = "api.directory.department-code.size")
        @Pattern(regexp = PRINTABLE, message = "api.directory.text.printable") String departmentCode,
        @Min(value = 0, message = "api.directory.page.range")
        @Max(value = 10_000, message = "api.directory.page.range") Integer page,
        @Min(value = 1, message = "api.directory.size.range")
        @Max(value = 100, message = "api.directory.size.range") Integer size) {

    /**
     * No control characters and no unpaired surrogate halves (which cannot be stored as UTF-8): what is left
     * is text a person could have typed.
     */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cs}]*";

    DirectoryStaffSearch toSearch() {
        return new DirectoryStaffSearch(query, departmentCode, page == null ? 0 : page, size == null ? 20 : size);
    }
}
