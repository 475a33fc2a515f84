package org.baomi.privacy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.privacy.CareTeamRecord;
import org.baomi.privacy.ChargeRecord;
import org.baomi.privacy.EncounterRecord;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.ImportReport;
import org.baomi.privacy.PatientImports;
import org.baomi.privacy.PatientRecord;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST JSON import of patient data (issue 6 item 1): patients, encounters, care teams and charges in one request,
 * all or nothing. Token scope {@code integration:patient:import}. A refused request is an RFC 9457 problem listing
 * every problem with its field ({@code patients[3].birthDate}); nothing is written then.
 */
@RestController
@RequestMapping(path = "/api/v1/privacy/import", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Patient import", description = "Patients, encounters, care teams and fee lists from the HIS")
class PrivacyImportApiController {

    private final PatientImports imports;

    PrivacyImportApiController(PatientImports imports) {
        this.imports = imports;
    }

    /** The request body: any of the four lists may be omitted. */
    record ImportBody(List<PatientRecord> patients, List<EncounterRecord> encounters, List<CareTeamRecord> careTeams,
            List<ChargeRecord> charges) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import patient data", description = "Scope integration:patient:import. Idempotent by the "
            + "source ids; all or nothing. Audited as privacy.import.completed (or privacy.import.rejected).")
    Map<String, Object> importBatch(@RequestBody(required = false) ImportBody body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "privacy.import.body-required")));
        }
        List<ImportEntry> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        add(entries, names, "patients", body.patients());
        add(entries, names, "encounters", body.encounters());
        add(entries, names, "careTeams", body.careTeams());
        add(entries, names, "charges", body.charges());
        if (entries.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "privacy.import.body-required")));
        }
        ImportReport report = imports.importEntries(entries, true);
        if (!report.written()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                for (FieldProblem p : report.results().get(i).problems()) {
                    problems.add(new FieldProblem(names.get(i) + "." + p.field(), p.messageKey(), p.args()));
                }
            }
            throw new InvalidInputException(problems);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        for (ImportReport.Outcome outcome : ImportReport.Outcome.values()) {
            counts.put(outcome.name().toLowerCase(java.util.Locale.ROOT), report.count(outcome));
        }
        return Map.of("counts", counts);
    }

    private static void add(List<ImportEntry> entries, List<String> names, String list, List<?> records) {
        if (records == null) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            Object record = records.get(i);
            names.add(list + "[" + i + "]");
            entries.add(record == null
                    ? new ImportEntry(null, null, List.of(new FieldProblem("value", "privacy.import.required")))
                    : ImportEntry.of(record));
        }
    }
}
