package org.baomi.iam.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.baomi.iam.DirectoryQueries;
import org.baomi.iam.DirectoryQueries.DirectoryDepartment;
import org.baomi.iam.DirectoryQueries.DirectoryPage;
import org.baomi.iam.DirectoryQueries.DirectoryStaff;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hospital directory for integration clients (HIS, EMR). Scopes are checked, and every read audited,
 * by {@link DirectoryQueries}: {@code iam:department:read} and {@code iam:staff:read}.
 */
@RestController
@RequestMapping(path = "/api/v1/iam", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directory", description = "Departments and staff of the hospital, without credentials or clearances")
class DirectoryApiController {

    private final DirectoryQueries directory;

    DirectoryApiController(DirectoryQueries directory) {
        this.directory = directory;
    }

    @GetMapping("/departments")
    @Operation(summary = "All departments", description = "Requires scope iam:department:read.")
    List<DirectoryDepartment> departments() {
        return directory.departments();
    }

    @PostMapping(path = "/staff/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search staff by staff number or name, optionally within a department",
            description = "Requires scope iam:staff:read. Returns one page ordered by staff number.")
    DirectoryPage<DirectoryStaff> searchStaff(@Valid @RequestBody StaffSearchRequest request) {
        return directory.searchStaff(request.toSearch());
    }
}
