package org.baomi.document.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.CopyRecord;
import org.baomi.document.DocumentIncident;
import org.baomi.document.DocumentLoss;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.document.LossReport;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.RoleHolders;
import org.baomi.iam.StaffPrincipal;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.Notifications;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOC-8: a loss or leak freezes the document at once, in the reporter's transaction: status LOST, open circulations
 * ended, distribution emptied, and the access point's object re-registered without custodian and department, so
 * that no rule but an explicit grant lets anyone read it; the office still sees its register entry (the register
 * list is shown to {@code document:register:manage}). A lost copy freezes the whole document: its content is out.
 * Holds (DOC-7) live here too, because they are the office's incident work.
 */
@Service
class LossService implements DocumentLoss {

    private final LifecycleStore lifecycle;
    private final DocumentStore documents;
    private final CopyStore copies;
    private final CirculationStore circulations;
    private final ProtectedObjects objects;
    private final RoleHolders roles;
    private final Notifications notifications;
    private final PermissionGuard guard;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    LossService(LifecycleStore lifecycle, DocumentStore documents, CopyStore copies, CirculationStore circulations,
            ProtectedObjects objects, RoleHolders roles, Notifications notifications, PermissionGuard guard,
            CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.copies = copies;
        this.circulations = circulations;
        this.objects = objects;
        this.roles = roles;
        this.notifications = notifications;
        this.guard = guard;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long report(LossReport report) {
        StaffPrincipal reporter = currentUser.require();
        List<FieldProblem> problems = new ArrayList<>();
        if (report.kind() == null) {
            problems.add(new FieldProblem("kind", "document.error.choice"));
        }
        String circumstances = report.circumstances() == null ? "" : report.circumstances().strip();
        if (circumstances.isEmpty()) {
            problems.add(new FieldProblem("circumstances", "document.error.required"));
        } else if (circumstances.length() > 2000) {
            problems.add(new FieldProblem("circumstances", "document.error.too-long", 2000));
        }
        DocumentStore.Row row = documents.find(report.documentId(), clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        DocumentSummary document = row.summary();
        CopyRecord copy = null;
        if (report.copyId() != null) {
            copy = copies.copy(report.copyId()).filter(c -> c.documentId() == document.id()).orElse(null);
            if (copy == null) {
                problems.add(new FieldProblem("copyId", "document.incident.error.copy"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean concerned = document.custodianId() == reporter.accountId()
                || reporter.hasPermission(DocumentPermissions.REGISTER_MANAGE)
                || circulations.holders(document.id()).contains(reporter.accountId())
                || (copy != null && copy.holderId() == reporter.accountId());
        if (!concerned) {
            audit.recordIndependently(new AuditEntry(null, "document.loss.refused", ResourceRef.DOCUMENT,
                    Long.toString(document.id()), document.level(), AuditOutcome.DENIED,
                    "document.incident.error.not-concerned", Map.of()));
            throw BaomiException.forbidden("document.incident.error.not-concerned");
        }
        if (document.status() == DocumentStatus.DESTROYED) {
            throw BaomiException.conflict("document.incident.error.destroyed");
        }
        Instant now = clock.instant();
        long incidentId = lifecycle.openIncident(document.id(), report.copyId(), report.kind(), circumstances,
                reporter.accountId(), reporter.fullName(), now, document.level());
        freeze(document, row.departmentId(), now, reporter.accountId());
        documents.event(document.id(), now, reporter.accountId(), reporter.fullName(),
                "reported-" + report.kind().name().toLowerCase(java.util.Locale.ROOT),
                copy == null ? null : copy.number() + "/" + copy.ofTotal());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incidentId", incidentId);
        details.put("kind", report.kind().name());
        details.put("copyId", report.copyId() == null ? "" : report.copyId());
        details.put("statusWas", document.status().name());
        audit.record(AuditEntry.allowed("document.loss.reported", ResourceRef.DOCUMENT, document.id(), details)
                .withLevel(document.level()));
        // the office hears at once; the notification names the incident, never the title
        for (long officer : roles.activeHoldersOfRole(RoleHolders.CONFIDENTIALITY_OFFICE)) {
            notifications.notify(new NotificationDraft(officer, NotificationKind.GENERAL,
                    "document.notification.incident", List.of(new NotificationArg.Number(incidentId)),
                    "/documents/" + document.id(), document.level()));
        }
        return incidentId;
    }

    private void freeze(DocumentSummary document, Long departmentId, Instant now, long actorId) {
        lifecycle.forceStatus(document.id(), DocumentStatus.LOST.name(), now, actorId);
        lifecycle.closeCirculations(document.id(), now);
        ResourceRef ref = ResourceRef.document(Long.toString(document.id()));
        objects.setDistribution(ref, Set.of());
        objects.register(new ProtectedObject(ref, document.level(), null, null));
    }

    @Override
    @Transactional
    public void closeIncident(long incidentId, String note) {
        StaffPrincipal officer = guard.require(DocumentPermissions.INCIDENT_MANAGE);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new InvalidInputException(List.of(new FieldProblem("note", text.isEmpty()
                    ? "document.error.required" : "document.error.too-long", 1000)));
        }
        DocumentIncident incident = lifecycle.incident(incidentId)
                .orElseThrow(() -> BaomiException.notFound("document.incident.error.not-found"));
        Instant now = clock.instant();
        if (!lifecycle.closeIncident(incidentId, officer.accountId(), text, now)) {
            throw BaomiException.conflict("document.incident.error.closed");
        }
        DocumentSummary document = summary(incident.documentId());
        documents.event(document.id(), now, officer.accountId(), officer.fullName(), "incident-closed", null);
        audit.record(AuditEntry.allowed("document.incident.closed", ResourceRef.DOCUMENT, document.id(),
                Map.of("incidentId", incidentId)).withLevel(document.level()));
    }

    @Override
    @Transactional
    public List<DocumentIncident> incidentsOf(long documentId) {
        guard.require(DocumentPermissions.INCIDENT_MANAGE);
        DocumentSummary document = summary(documentId);
        audit.record(AuditEntry.allowed("document.incident.listed", ResourceRef.DOCUMENT, documentId, Map.of())
                .withLevel(document.level()));
        return lifecycle.incidentsOf(documentId);
    }

    @Override
    @Transactional
    public void hold(long documentId, String reason) {
        StaffPrincipal officer = guard.require(DocumentPermissions.INCIDENT_MANAGE);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", text.isEmpty()
                    ? "document.error.required" : "document.error.too-long", 500)));
        }
        DocumentSummary document = summary(documentId);
        Instant now = clock.instant();
        if (!lifecycle.hold(documentId, text, officer.accountId(), officer.fullName(), now)) {
            throw BaomiException.conflict("document.hold.error.exists");
        }
        documents.event(documentId, now, officer.accountId(), officer.fullName(), "hold-set", text);
        audit.record(AuditEntry.allowed("document.hold.set", ResourceRef.DOCUMENT, documentId, Map.of())
                .withLevel(document.level()));
    }

    @Override
    @Transactional
    public void releaseHold(long documentId) {
        StaffPrincipal officer = guard.require(DocumentPermissions.INCIDENT_MANAGE);
        DocumentSummary document = summary(documentId);
        Instant now = clock.instant();
        if (!lifecycle.releaseHold(documentId, officer.accountId(), now)) {
            throw BaomiException.conflict("document.hold.error.none");
        }
        documents.event(documentId, now, officer.accountId(), officer.fullName(), "hold-released", null);
        audit.record(AuditEntry.allowed("document.hold.released", ResourceRef.DOCUMENT, documentId, Map.of())
                .withLevel(document.level()));
    }

    private DocumentSummary summary(long documentId) {
        return documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found")).summary();
    }
}
