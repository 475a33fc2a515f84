package org.baomi.privacy.web;

import java.nio.charset.StandardCharsets;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDeniedException;
import org.baomi.privacy.PatientExportFile;
import org.baomi.privacy.PatientExportMode;
import org.baomi.privacy.PatientExports;
import org.baomi.privacy.PatientPurpose;
import org.baomi.shared.BaomiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Prints and downloads of a patient page (issue 6 item 2, ACC-5): a watermarked PDF when the president approved it;
 * otherwise a denial page offering the {@link PatientExports#APPROVAL_KIND} approval route (the refusal is already
 * audited by the decision point). Parameters are text so that malformed ones get a translated message.
 */
@Controller
@RequestMapping("/privacy/patients")
class PatientExportController {

    private final PatientExports exports;

    PatientExportController(PatientExports exports) {
        this.exports = exports;
    }

    @GetMapping("/{id}/export")
    Object export(@PathVariable String id, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String mode) {
        long patientId = patientId(id);
        PatientPurpose p = parse(PatientPurpose.class, purpose, PatientPurpose.TREATMENT,
                "privacy.patients.error.purpose");
        PatientExportMode m = parse(PatientExportMode.class, mode, PatientExportMode.PRINT, "privacy.export.error.mode");
        PatientExportFile file;
        try {
            file = exports.export(patientId, p, m);
        } catch (AccessDeniedException e) {
            if (e.request() == null || e.request().action() != AccessAction.EXPORT) {
                throw e;
            }
            ModelAndView page = new ModelAndView("privacy/export-denied", HttpStatus.FORBIDDEN);
            page.addObject("patientId", patientId);
            page.addObject("purpose", p.name());
            page.addObject("kind", PatientExports.APPROVAL_KIND);
            page.addObject("reasonKey", e.decision().reasonKey());
            return page;
        }
        ContentDisposition disposition = (m == PatientExportMode.DOWNLOAD ? ContentDisposition.attachment()
                : ContentDisposition.inline()).filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Trace-Code", file.traceCode()).body(file.pdf());
    }

    private static long patientId(String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below as every other malformed id
        }
        throw BaomiException.notFound("privacy.patients.error.not-found");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String key) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw BaomiException.invalid(key);
    }
}
