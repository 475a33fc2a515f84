package org.baomi.iam;

import java.util.List;

/**
 * Staff accounts created and kept up to date from HR (issue 6 item 1, ORG-5), for the FHIR Practitioner and
 * PractitionerRole import of the privacy module. The caller is an integration client whose API token holds
 * {@link #SCOPE} (issued by the system administrator); there is no signed-in person.
 *
 * <p>ORG-5: the import never gives roles or clearance — a new account has no role, the default clearance
 * INTERNAL and no password (the system administrator issues the initial password, the security administrator the
 * roles). An account holding a 三员 administrator role is never touched: its entry is refused.
 *
 * <p>Status: {@code active = false} suspends an ACTIVE account (its sessions end) and creates a new one SUSPENDED;
 * {@code active = true} never reactivates a SUSPENDED or DEPARTED account — lifting a suspension may have a
 * security reason HR does not know, so it stays the system administrator's decision. DEPARTED is never set by the
 * import (FHIR {@code active = false} does not tell leave from departure).
 */
public interface StaffImport {

    /** The token scope needed. */
    String SCOPE = "integration:staff:import";

    /**
     * Validates every record, then writes. Idempotent: a record equal to the account changes nothing and, when
     * nothing in the request changed and nothing was refused, nothing is audited.
     *
     * <p>Audit: one {@code iam.account.hr-imported} record per request in the write's transaction, with the source,
     * the mode, counts per outcome and the staff numbers created, updated and suspended; a refused all-or-nothing
     * request, or one whose every record was refused, is recorded as FAILED independently (nothing was written).
     *
     * @param records one per person; at most one record per staff number (the caller reports duplicates)
     * @param atomic  all or nothing (a FHIR transaction) when true; each record on its own (a batch) otherwise
     * @return one result per record, in order
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the scope
     */
    List<Result> importStaff(List<HrStaff> records, boolean atomic);

    /**
     * What HR says about one person. {@code profile} or {@code placement} may be null: then that part of an existing
     * account is kept; a new account needs both.
     *
     * @param staffNo   工号, letters, digits and hyphens, 2 to 32
     * @param profile   name, gender, contact and whether active (from a Practitioner), or null
     * @param placement department and post by code (from a PractitionerRole), or null
     * @param problems  problems the reader of the format already found (structure, duplicates); such a record is
     *                  refused with them, and with any other problem found here
     */
    record HrStaff(String staffNo, Profile profile, Placement placement, List<FieldProblem> problems) {

        public HrStaff {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    /**
     * @param fullName Chinese family name and given name without a space (or a name in another script)
     * @param gender   male, female, other, unknown, or null
     * @param email    optional
     * @param phone    optional
     * @param active   false suspends (see the type's description)
     */
    record Profile(String fullName, String gender, String email, String phone, boolean active) {
    }

    /** Department code and post code as in the organisation (ORG-3). */
    record Placement(String departmentCode, String postCode) {
    }

    /** How a record ended. */
    enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED,
        /** Valid, but not written because another record of an all-or-nothing request was refused. */
        NOT_WRITTEN
    }

    /** A record's outcome and, when refused, why (message keys with the record's field). */
    record Result(String staffNo, Outcome outcome, List<FieldProblem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }
}
