package org.baomi.privacy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.FieldProblem;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.ImportReport;
import org.baomi.privacy.ImportReport.Outcome;
import org.baomi.privacy.ImportReport.Result;
import org.baomi.privacy.PatientImports;
import org.baomi.privacy.PrivacyPermissions;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The import of patient data from the HIS; see {@link PatientImports}. */
@Service
class ImportService implements PatientImports {

    private final ApiCallers callers;
    private final ImportValidator validator;
    private final ImportWriter writer;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ImportService(ApiCallers callers, ImportValidator validator, ImportWriter writer, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.callers = callers;
        this.validator = validator;
        this.writer = writer;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The calling system's name; refuses (audited) a caller without the import scope. */
    String requireScope() {
        return requireScope(PrivacyPermissions.IMPORT_SCOPE);
    }

    /**
     * The calling system's name; refuses (audited) a caller holding none of the scopes. The FHIR base endpoint takes
     * Bundles of patients or of staff, so either scope lets the body be read; the import then asks for its own.
     */
    String requireScope(String... scopes) {
        String source = callers.currentClient().orElse(null);
        boolean held = false;
        for (String scope : scopes) {
            held |= source != null && callers.hasScope(scope);
        }
        if (!held) {
            String wanted = String.join(" ", scopes);
            audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", wanted, null,
                    AuditOutcome.DENIED, "error.forbidden", Map.of("permission", wanted, "scope", "missing")));
            throw BaomiException.forbidden("error.forbidden");
        }
        return source;
    }

    @Override
    public ImportReport importEntries(List<ImportEntry> entries, boolean atomic) {
        String source = requireScope();
        ImportValidator.Validated validated = validator.validate(entries, source);
        if (atomic && !validated.allValid()) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                List<FieldProblem> problems = validated.problems().get(i);
                results.add(new Result(entries.get(i).type(), ImportValidator.sourceIdOf(entries.get(i).record()),
                        problems.isEmpty() ? Outcome.NOT_WRITTEN : Outcome.REJECTED, problems));
            }
            ImportReport report = new ImportReport(results, false);
            audit.recordIndependently(new AuditEntry(null, "privacy.import.rejected", "patient-import", null, null,
                    AuditOutcome.FAILED, "privacy.import.rejected", summary(source, atomic, report, List.of())));
            return report;
        }
        List<Record> rows = new ArrayList<>();
        for (Record row : validated.rows()) {
            if (row != null) {
                rows.add(row);
            }
        }
        return tx.execute(status -> {
            ImportWriter.Written written = rows.isEmpty()
                    ? new ImportWriter.Written(Map.of(), new java.util.TreeSet<>()) : writer.write(source, rows);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Record row = validated.rows()[i];
                List<FieldProblem> problems = validated.problems().get(i);
                results.add(new Result(entries.get(i).type(), ImportValidator.sourceIdOf(entries.get(i).record()),
                        row == null ? Outcome.REJECTED : written.outcomes().get(row), problems));
            }
            ImportReport report = new ImportReport(results, !rows.isEmpty());
            // AUD-1, PAT-1: one record per request, in its transaction, naming every patient touched (audit volume:
            // a record per resource would multiply the trail by the HIS's traffic)
            audit.record(new AuditEntry(null, "privacy.import.completed", "patient-import", null, null,
                    AuditOutcome.ALLOWED, null, summary(source, atomic, report,
                            written.patientsTouched().stream().map(String::valueOf).toList())));
            return report;
        });
    }

    private static Map<String, Object> summary(String source, boolean atomic, ImportReport report,
            List<String> patients) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Result r : report.results()) {
            counts.computeIfAbsent(r.type() == null ? "?" : r.type(), k -> new TreeMap<>())
                    .merge(r.outcome().name(), 1, Integer::sum);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        details.put("mode", atomic ? "all-or-nothing" : "each-on-its-own");
        details.put("counts", counts);
        details.put("patients", patients);
        return details;
    }
}
