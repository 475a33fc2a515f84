package org.baomi.privacy.internal.export;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.print.PdfDocuments;
import org.baomi.print.TraceCode;
import org.baomi.print.TraceCodes;
import org.baomi.print.TraceRequest;
import org.baomi.print.Watermark;
import org.baomi.privacy.PatientExportFile;
import org.baomi.privacy.PatientExportMode;
import org.baomi.privacy.PatientExports;
import org.baomi.privacy.PatientPages;
import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientView;
import org.baomi.privacy.PrivacyPermissions;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-5: a patient page leaves Baomi only as a watermarked, traced PDF and only with the president's approval (an
 * EXPORT grant of kind {@link PatientExports#APPROVAL_KIND}). The export check comes first so that a refused export
 * shows nothing; the content is the page's own minimum-necessary view (PAT-3), read through {@link PatientPages}
 * so the same decision and masking apply.
 */
@Service
class PatientExportService implements PatientExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PatientPages pages;
    private final AccessPolicy access;
    private final PermissionGuard guard;
    private final TraceCodes traceCodes;
    private final PdfDocuments pdf;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    PatientExportService(PatientPages pages, AccessPolicy access, PermissionGuard guard, TraceCodes traceCodes,
            PdfDocuments pdf, AuditTrail audit, MessageSource messages, Clock clock) {
        this.pages = pages;
        this.access = access;
        this.guard = guard;
        this.traceCodes = traceCodes;
        this.pdf = pdf;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PatientExportFile export(long patientId, PatientPurpose purpose, PatientExportMode mode) {
        if (purpose == null) {
            throw BaomiException.invalid("privacy.patients.error.purpose");
        }
        if (mode == null) {
            throw BaomiException.invalid("privacy.export.error.mode");
        }
        guard.require(purpose.permission());
        StaffPrincipal person = guard.require(PrivacyPermissions.PATIENT_EXPORT);
        // ACC-5: the president's approval, as a grant, before anything is read
        AccessDecision exportDecision = access.require(new AccessRequest(person.accountId(), AccessAction.EXPORT,
                ResourceRef.patient(Long.toString(patientId)), AccessContext.NONE.withPurpose(purpose.name())));
        PatientView view = pages.view(patientId, purpose, null);
        SecretLevel level = exportDecision.objectLevel();
        TraceCode code = traceCodes.issue(new TraceRequest(person.accountId(), ResourceRef.PATIENT,
                Long.toString(patientId), level, mode.tracePurpose()));
        Locale locale = LocaleContextHolder.getLocale();
        String levelMark = level == null ? null : messages.getMessage(level.messageKey(), null, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.renderText(text("privacy.export.pdf.title", locale, view.mrn()), lines(view, purpose, locale),
                new Watermark(person.fullName(), person.staffNo(), clock.instant(), code, levelMark), out);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", purpose.name());
        details.put("mode", mode.name());
        details.put("traceCode", code.toString());
        details.put("grantId", exportDecision.grantId());
        details.put("identifiers", view.identifiersShown());
        details.put("diagnoses", view.diagnosesShown());
        details.put("charges", view.chargesShown());
        details.values().removeIf(java.util.Objects::isNull);
        audit.record(AuditEntry.allowed("privacy.patient.exported", ResourceRef.PATIENT, patientId, details)
                .withPatient(Long.toString(patientId)).withLevel(level));
        return new PatientExportFile("patient-" + view.mrn() + "-" + code + ".pdf", out.toByteArray(),
                code.toString());
    }

    private List<String> lines(PatientView v, PatientPurpose purpose, Locale locale) {
        ZoneId zone = clock.getZone();
        List<String> lines = new ArrayList<>();
        lines.add(text("privacy.export.pdf.purpose", locale, text("privacy.purpose." + purpose.name(), locale)));
        lines.add(text("privacy.export.pdf.patient", locale, v.mrn(), v.name(),
                messages.getMessage("privacy.gender." + v.gender(), null, nz(v.gender()), locale),
                v.birthDate() == null ? "" : DAY.format(v.birthDate())));
        lines.add(text("privacy.export.pdf.identifiers", locale, nz(v.idNumber()), nz(v.phone()), nz(v.address())));
        lines.add(text("privacy.export.pdf.encounters", locale));
        for (PatientView.Encounter e : v.encounters()) {
            lines.add(text("privacy.export.pdf.encounter", locale,
                    messages.getMessage("privacy.class." + e.encounterClass(), null, e.encounterClass(), locale), nz(e.department()),
                    nz(e.attending()), DAY.format(e.start().atZone(zone)),
                    e.end() == null ? "-" : DAY.format(e.end().atZone(zone))));
            for (PatientView.Diagnosis d : e.diagnoses()) {
                lines.add(text("privacy.export.pdf.diagnosis", locale, d.icd10(), nz(d.text())));
            }
        }
        if (!v.diagnosesShown()) {
            lines.add(text("privacy.export.pdf.diagnoses-withheld", locale));
        }
        if (v.chargesShown()) {
            lines.add(text("privacy.export.pdf.charges", locale));
            for (PatientView.Charge c : v.charges()) {
                lines.add(text("privacy.export.pdf.charge", locale, DAY.format(c.chargedOn()), c.itemCode(),
                        c.itemName(), c.quantity().toPlainString(), c.unitPrice().toPlainString(),
                        c.amount().toPlainString()));
            }
            lines.add(text("privacy.export.pdf.total", locale, v.total().toPlainString()));
        }
        return lines;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
