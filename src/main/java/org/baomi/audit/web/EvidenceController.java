package org.baomi.audit.web;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.audit.AuditEvidence;
import org.baomi.audit.AuditFilter;
import org.baomi.shared.BaomiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence packages for one case (issue 8 item 8): from the console, with the console's current filter (which must
 * name a person, patient or object), and by REST for case-management tools. Permission ({@code
 * audit:evidence:export}), input checks and the audit record are {@link AuditEvidence}'s; errors are the shared
 * error page or, under {@code /api/**}, problem+json.
 */
@RestController
@Tag(name = "Audit evidence", description = "Offline-verifiable evidence packages of audit entries")
class EvidenceController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final AuditEvidence evidence;
    private final Clock clock;

    EvidenceController(AuditEvidence evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The console's "evidence package" link: the list's filter plus an optional case reference. */
    @GetMapping("/audit/entries/evidence.zip")
    ResponseEntity<byte[]> fromConsole(@ModelAttribute("form") AuditFilterForm form,
            @RequestParam(name = "caseReference", required = false) String caseReference) {
        AuditFilterForm.Parsed parsed = form.parse(clock.getZone());
        if (!parsed.valid()) {
            throw BaomiException.invalid("audit.evidence.error.filter");
        }
        return download(evidence.export(parsed.filter(), caseReference));
    }

    @GetMapping("/api/v1/audit/evidence")
    @Operation(summary = "Evidence package for one person, patient or object",
            description = "Requires scope audit:evidence:export. At least one of actorId, patientId, objectId; from/to"
                    + " (ISO-8601 instants) narrow the period. Answers a zip (evidence.json, evidence.sig, README.txt)"
                    + " that tools/verifier/BaomiEvidenceVerifier.java checks offline; at most 1,000 entries (the"
                    + " newest), X-Baomi-Evidence-Truncated says whether more matched. The export is audited.")
    ResponseEntity<byte[]> fromApi(@RequestParam(name = "actorId", required = false) Long actorId,
            @RequestParam(name = "patientId", required = false) String patientId,
            @RequestParam(name = "objectType", required = false) String objectType,
            @RequestParam(name = "objectId", required = false) String objectId,
            @RequestParam(name = "from", required = false) Instant from,
            @RequestParam(name = "to", required = false) Instant to,
            @RequestParam(name = "caseReference", required = false) String caseReference) {
        AuditFilter filter = new AuditFilter(from, to, null, null, null, null, actorId, null, blankToNull(objectType),
                blankToNull(objectId), blankToNull(patientId), null);
        return download(evidence.export(filter, caseReference));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ResponseEntity<byte[]> download(AuditEvidence.EvidencePackage pkg) {
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(pkg.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Baomi-Evidence-Entries", Integer.toString(pkg.entries()))
                .header("X-Baomi-Evidence-Unprovable", Integer.toString(pkg.unprovable()))
                .header("X-Baomi-Evidence-Truncated", Boolean.toString(pkg.truncated()))
                .body(pkg.zip());
    }
}
