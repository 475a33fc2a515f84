package org.baomi.document.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baomi.approval.ApprovalDecided;
import org.baomi.approval.Approvals;
import org.baomi.approval.SubmitApproval;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.DestructionRecord;
import org.baomi.document.DestructionRequest;
import org.baomi.document.DestructionToConfirm;
import org.baomi.document.DocumentDestruction;
import org.baomi.document.DocumentMarks;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.print.DestructionCertificate;
import org.baomi.print.Printables;
import org.baomi.print.TraceCode;
import org.baomi.print.TraceCodes;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRequest;
import org.baomi.shared.BaomiException;
import org.baomi.vault.EncryptedFiles;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOC-7: destruction by approval, performed by one named person and confirmed by another (两人监销). The approval's
 * decision is applied in the engine's transaction (as {@link CopyService} does). The two signatures are two calls by
 * two signed-in people; the second is refused for the first person, both in Java and by the table's CHECK, so one
 * person can never destroy a document alone.
 */
@Service
class DestructionService implements DocumentDestruction {

    /** How long a confirmed destruction stays on its supervisor's worklist, for the certificate. */
    private static final java.time.Duration RECENT = java.time.Duration.ofDays(7);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LifecycleStore lifecycle;
    private final DocumentStore documents;
    private final Approvals approvals;
    private final ProtectedObjects objects;
    private final EncryptedFiles files;
    private final Printables printables;
    private final TraceCodes traceCodes;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    DestructionService(LifecycleStore lifecycle, DocumentStore documents, Approvals approvals,
            ProtectedObjects objects, EncryptedFiles files, Printables printables, TraceCodes traceCodes,
            MessageSource messages, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.approvals = approvals;
        this.objects = objects;
        this.files = files;
        this.printables = printables;
        this.traceCodes = traceCodes;
        this.messages = messages;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long request(DestructionRequest request) {
        StaffPrincipal requester = currentUser.require();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.method() == null) {
            problems.add(new FieldProblem("method", "document.error.choice"));
        }
        String place = text(request.place(), "place", 200, problems);
        String reason = text(request.reason(), "reason", 1000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        DocumentStore.Row row = row(request.documentId());
        DocumentSummary document = row.summary();
        requireKeeper(requester, document, "request");
        refuseWhileBlocked(document, "request");
        if (lifecycle.destructionUnderWay(document.id())) {
            throw BaomiException.conflict("document.destruction.error.under-way");
        }
        long approvalId = approvals.submit(new SubmitApproval(DestructionApprovalKind.KIND, requester.accountId(),
                ResourceRef.DOCUMENT, Long.toString(document.id()), null, reason, null,
                Map.of("method", request.method().name(), "place", place)));
        Instant now = clock.instant();
        long id = lifecycle.insertDestruction(document.id(), approvalId, requester.accountId(), requester.fullName(),
                request.method(), place, reason, now);
        documents.event(document.id(), now, requester.accountId(), requester.fullName(), "destruction-requested",
                place);
        audit.record(AuditEntry.allowed("document.destruction.requested", ResourceRef.DOCUMENT, document.id(),
                Map.of("destructionId", id, "approvalId", approvalId, "method", request.method().name()))
                .withLevel(document.level()));
        return id;
    }

    /** The approval engine's decision, applied in its transaction. */
    @EventListener
    void on(ApprovalDecided decided) {
        if (!DestructionApprovalKind.KIND.equals(decided.kind())) {
            return;
        }
        lifecycle.pendingByApproval(decided.approvalId()).ifPresent(d -> {
            Instant now = clock.instant();
            lifecycle.decide(d.view().id(), decided.outcome().name(), now);
            documents.event(d.view().documentId(), now, null, null,
                    "destruction-" + decided.outcome().name().toLowerCase(Locale.ROOT), d.view().requesterName());
        });
    }

    @Override
    @Transactional
    public void perform(long destructionId) {
        StaffPrincipal performer = currentUser.require();
        LifecycleStore.Destruction d = lifecycle.lockDestruction(destructionId)
                .orElseThrow(() -> BaomiException.notFound("document.destruction.error.not-found"));
        DocumentSummary document = row(d.view().documentId()).summary();
        requireKeeper(performer, document, "perform");
        if (!"APPROVED".equals(d.view().status())) {
            // DOC-7: nothing is destroyed without an approval
            refuse(document, "perform", "document.destruction.error.not-approved");
        }
        refuseWhileBlocked(document, "perform");
        Instant now = clock.instant();
        if (!lifecycle.performed(destructionId, performer.accountId(), performer.fullName(), now)) {
            throw BaomiException.conflict("document.destruction.error.not-approved");
        }
        documents.event(document.id(), now, performer.accountId(), performer.fullName(), "destruction-performed",
                performer.fullName());
        audit.record(AuditEntry.allowed("document.destruction.performed", ResourceRef.DOCUMENT, document.id(),
                Map.of("destructionId", destructionId)).withLevel(document.level()));
    }

    @Override
    @Transactional
    public void confirm(long destructionId) {
        StaffPrincipal supervisor = currentUser.require();
        LifecycleStore.Destruction d = lifecycle.lockDestruction(destructionId)
                .orElseThrow(() -> BaomiException.notFound("document.destruction.error.not-found"));
        DocumentStore.Row row = row(d.view().documentId());
        DocumentSummary document = row.summary();
        if (!supervisor.hasPermission(DocumentPermissions.DESTRUCTION_SUPERVISE)) {
            refuse(document, "confirm", "document.destruction.error.not-supervisor");
        }
        if (!"PERFORMED".equals(d.view().status())) {
            refuse(document, "confirm", "document.destruction.error.not-performed");
        }
        if (d.performerId() != null && d.performerId() == supervisor.accountId()) {
            // 两人监销: the supervisor must be another person than the one who destroyed it
            refuse(document, "confirm", "document.destruction.error.same-person");
        }
        refuseWhileBlocked(document, "confirm");
        Instant now = clock.instant();
        String certificateNo = "XH-" + now.atZone(clock.getZone()).getYear() + "-" + destructionId;
        if (!lifecycle.supervised(destructionId, supervisor.accountId(), supervisor.fullName(), now, certificateNo)) {
            throw BaomiException.conflict("document.destruction.error.not-performed");
        }
        if (!documents.changeStatus(document.id(), document.status(), DocumentStatus.DESTROYED, now,
                supervisor.accountId())) {
            throw BaomiException.conflict("document.destruction.error.changed");
        }
        lifecycle.voidUnmadeCopies(document.id(), now);
        // the register keeps the metadata; nobody holds the document any more
        objects.setDistribution(ResourceRef.document(Long.toString(document.id())), Set.of());
        if (row.fileId() != null) {
            files.shred(row.fileId(), "destruction " + certificateNo);
        }
        documents.event(document.id(), now, supervisor.accountId(), supervisor.fullName(), "destroyed",
                d.view().performerName() + " / " + supervisor.fullName());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("destructionId", destructionId);
        details.put("certificateNo", certificateNo);
        details.put("performerId", d.performerId());
        details.put("supervisorId", supervisor.accountId());
        details.put("fileShredded", row.fileId() != null);
        audit.record(AuditEntry.allowed("document.destroyed", ResourceRef.DOCUMENT, document.id(), details)
                .withLevel(document.level()));
    }

    @Override
    @Transactional
    public void certificate(long destructionId, Locale locale, OutputStream out) {
        StaffPrincipal person = currentUser.require();
        LifecycleStore.Destruction d = lifecycle.destruction(destructionId)
                .orElseThrow(() -> BaomiException.notFound("document.destruction.error.not-found"));
        DocumentSummary document = row(d.view().documentId()).summary();
        boolean signatory = Long.valueOf(person.accountId()).equals(d.performerId())
                || Long.valueOf(person.accountId()).equals(d.supervisorId());
        if (!signatory) {
            requireKeeper(person, document, "certificate");
        }
        if (!"DESTROYED".equals(d.view().status())) {
            throw BaomiException.conflict("document.destruction.error.not-destroyed");
        }
        DestructionRecord r = d.view();
        TraceCode code = traceCodes.issue(new TraceRequest(person.accountId(), "destruction", Long.toString(r.id()),
                document.level(), TracePurpose.DESTRUCTION_CERTIFICATE));
        String mark = messages.getMessage(DocumentMarks.of(document.level(), document.term()), locale);
        ZoneId zone = clock.getZone();
        DestructionCertificate certificate = new DestructionCertificate(r.certificateNo(),
                List.of(new DestructionCertificate.Item(document.serialNo(), document.title(), mark, document.copies())),
                messages.getMessage(r.method().messageKey(), null, locale), r.place(), r.supervisedAt(),
                Long.toString(r.approvalId()), r.performerName() + " " + TIME.format(r.performedAt().atZone(zone)),
                r.supervisorName() + " " + TIME.format(r.supervisedAt().atZone(zone)));
        printables.render(printables.destructionCertificate(certificate, code, locale), out);
        audit.record(AuditEntry.allowed("document.destruction.certificate.downloaded", ResourceRef.DOCUMENT,
                document.id(), Map.of("destructionId", r.id(), "traceCode", code.value()))
                .withLevel(document.level()));
    }

    @Override
    @Transactional
    public List<DestructionRecord> destructionsOf(long documentId) {
        StaffPrincipal person = currentUser.require();
        DocumentSummary document = row(documentId).summary();
        requireKeeper(person, document, "list");
        audit.record(AuditEntry.allowed("document.destruction.listed", ResourceRef.DOCUMENT, documentId, Map.of())
                .withLevel(document.level()));
        return lifecycle.destructionsOf(documentId);
    }

    @Override
    @Transactional
    public List<DestructionToConfirm> toConfirm() {
        StaffPrincipal supervisor = currentUser.require();
        if (!supervisor.hasPermission(DocumentPermissions.DESTRUCTION_SUPERVISE)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<DestructionToConfirm> items = new ArrayList<>();
        for (DestructionRecord d : lifecycle.toConfirmBy(supervisor.accountId(), now.minus(RECENT))) {
            documents.find(d.documentId(), now).ifPresent(row -> items.add(new DestructionToConfirm(d, row.summary())));
        }
        if (!items.isEmpty()) {
            audit.record(AuditEntry.allowed("document.destruction.listed", ResourceRef.DOCUMENT, null,
                    Map.of("rows", items.size())));
        }
        return items;
    }

    /** The custodian or the register's keepers (DOC-2) look after a document's end; nobody else. */
    private void requireKeeper(StaffPrincipal person, DocumentSummary document, String operation) {
        if (document.custodianId() != person.accountId()
                && !person.hasPermission(DocumentPermissions.REGISTER_MANAGE)) {
            refuse(document, operation, "document.destruction.error.not-keeper");
        }
    }

    /** DOC-7: no destruction while a hold or an open incident covers it, nor while the document or a copy is out. */
    private void refuseWhileBlocked(DocumentSummary document, String operation) {
        if (lifecycle.held(document.id())) {
            refuse(document, operation, "document.destruction.error.held");
        }
        if (lifecycle.openIncident(document.id())) {
            refuse(document, operation, "document.destruction.error.incident");
        }
        if (document.status() != DocumentStatus.REGISTERED && document.status() != DocumentStatus.DECLASSIFIED) {
            refuse(document, operation, "document.destruction.error.not-kept");
        }
        if (lifecycle.copiesOut(document.id()) > 0) {
            refuse(document, operation, "document.destruction.error.copies-out");
        }
    }

    private void refuse(DocumentSummary document, String operation, String reasonKey) {
        audit.recordIndependently(new AuditEntry(null, "document.destruction.refused", ResourceRef.DOCUMENT,
                Long.toString(document.id()), document.level(), AuditOutcome.DENIED, reasonKey,
                Map.of("operation", operation)));
        throw reasonKey.endsWith("not-keeper") || reasonKey.endsWith("not-supervisor")
                || reasonKey.endsWith("same-person") || reasonKey.endsWith("not-approved")
                        ? BaomiException.forbidden(reasonKey) : BaomiException.conflict(reasonKey);
    }

    private DocumentStore.Row row(long documentId) {
        return documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, "document.error.required"));
        } else if (v.length() > max) {
            problems.add(new FieldProblem(field, "document.error.too-long", max));
        } else if (v.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "document.error.control-characters"));
        }
        return v;
    }
}
