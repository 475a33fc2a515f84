package org.baomi.document.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.approval.ApprovalDecided;
import org.baomi.approval.ApprovalOutcome;
import org.baomi.approval.Approvals;
import org.baomi.approval.SubmitApproval;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.CarryOutRecord;
import org.baomi.document.CopyKind;
import org.baomi.document.CopyRecord;
import org.baomi.document.CopyRequest;
import org.baomi.document.DocumentCopies;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOC-3, DOC-4: copies, excerpts and carrying out, by approval only. The decision is applied in the approval
 * engine's transaction ({@link EventListener}, not an asynchronous module listener), so an approved request and its
 * numbered copies commit together: there is never an approval without its copies, nor copies without approval.
 */
@Service
class CopyService implements DocumentCopies {

    static final int MAX_COPIES = 20;

    private final CopyStore copies;
    private final DocumentStore documents;
    private final Approvals approvals;
    private final AccessPolicy access;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    CopyService(CopyStore copies, DocumentStore documents, Approvals approvals, AccessPolicy access,
            CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.copies = copies;
        this.documents = documents;
        this.approvals = approvals;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long request(CopyRequest request) {
        StaffPrincipal requester = currentUser.require();
        DocumentSummary document = document(request.documentId());
        List<FieldProblem> problems = new ArrayList<>();
        Integer count = null;
        String destination = null;
        if (request.kind() == null) {
            problems.add(new FieldProblem("kind", "document.error.required"));
        } else if (request.kind() == CopyKind.CARRY_OUT) {
            destination = request.destination() == null ? "" : request.destination().strip();
            if (destination.isEmpty()) {
                problems.add(new FieldProblem("destination", "document.error.required"));
            } else if (destination.length() > 200) {
                problems.add(new FieldProblem("destination", "document.error.too-long", 200));
            }
        } else if (request.copies() == null) {
            problems.add(new FieldProblem("copies", "document.error.required"));
        } else if (request.copies() < 1 || request.copies() > MAX_COPIES) {
            problems.add(new FieldProblem("copies", "document.error.copies", 1, MAX_COPIES));
        } else {
            count = request.copies();
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "document.error.required"));
        } else if (reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "document.error.too-long", 1000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        access.require(read(requester.accountId(), document.id(), "document.copy-request"));
        if (document.status() == DocumentStatus.DESTROYED || document.status() == DocumentStatus.LOST) {
            throw BaomiException.conflict("document.error.not-available");
        }
        Map<String, String> fields = count != null ? Map.of("copies", Integer.toString(count))
                : Map.of("destination", destination);
        long approvalId = approvals.submit(new SubmitApproval(request.kind().approvalKind(), requester.accountId(),
                ResourceRef.DOCUMENT, Long.toString(document.id()), null, reason, null, fields));
        Instant now = clock.instant();
        copies.insertRequest(document.id(), request.kind(), approvalId, requester.accountId(), requester.fullName(),
                count, destination, now);
        documents.event(document.id(), now, requester.accountId(), requester.fullName(),
                "requested-" + request.kind().name().toLowerCase(java.util.Locale.ROOT), count == null ? destination
                        : Integer.toString(count));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", request.kind().name());
        details.put("approvalId", approvalId);
        details.put("copies", count == null ? "" : count);
        audit.record(AuditEntry.allowed("document.copy.requested", ResourceRef.DOCUMENT, document.id(), details)
                .withLevel(document.level()));
        return approvalId;
    }

    /** The approval engine's decision on one of this module's kinds, applied in its transaction. */
    @EventListener
    void on(ApprovalDecided decided) {
        boolean ours = false;
        for (CopyKind kind : CopyKind.values()) {
            ours |= kind.approvalKind().equals(decided.kind());
        }
        if (!ours) {
            return;
        }
        CopyStore.Request request = copies.pendingByApproval(decided.approvalId()).orElse(null);
        if (request == null) {
            return;
        }
        Instant now = clock.instant();
        copies.decide(request.id(), decided.outcome().name(), now);
        if (decided.outcome() != ApprovalOutcome.APPROVED) {
            documents.event(request.documentId(), now, null, null, "request-" + decided.outcome().name()
                    .toLowerCase(java.util.Locale.ROOT), request.requesterName());
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvalId", decided.approvalId());
        details.put("kind", request.kind().name());
        details.put("holderId", request.requesterId());
        if (request.kind() == CopyKind.CARRY_OUT) {
            long id = copies.authoriseCarryOut(request, now);
            documents.changeStatus(request.documentId(), DocumentStatus.REGISTERED, DocumentStatus.CARRIED_OUT, now,
                    request.requesterId());
            documents.event(request.documentId(), now, request.requesterId(), request.requesterName(),
                    "carried-out", request.destination());
            details.put("carryOutId", id);
            audit.record(new AuditEntry(null, "document.carry-out.authorised", ResourceRef.DOCUMENT,
                    Long.toString(request.documentId()), decided.level(), AuditOutcome.ALLOWED, null, details));
        } else {
            List<Integer> numbers = copies.authoriseCopies(request, now);
            documents.event(request.documentId(), now, request.requesterId(), request.requesterName(),
                    "copies-authorised", numbers.toString());
            details.put("copyNumbers", numbers);
            audit.record(new AuditEntry(null, "document.copy.authorised", ResourceRef.DOCUMENT,
                    Long.toString(request.documentId()), decided.level(), AuditOutcome.ALLOWED, null, details));
        }
    }

    @Override
    @Transactional
    public CopyRecord makeCopy(long documentId, CopyKind kind) {
        StaffPrincipal holder = currentUser.require();
        DocumentSummary document = document(documentId);
        if (kind == null || kind == CopyKind.CARRY_OUT) {
            throw new InvalidInputException(List.of(new FieldProblem("kind", "document.error.choice")));
        }
        access.require(read(holder.accountId(), documentId, "document.copy"));
        CopyRecord copy = copies.nextAuthorised(documentId, kind, holder.accountId()).orElse(null);
        if (copy == null) {
            // DOC-3: no copy without approval; the attempt is kept although nothing is made
            audit.recordIndependently(new AuditEntry(null, "document.copy.refused", ResourceRef.DOCUMENT,
                    Long.toString(documentId), document.level(), AuditOutcome.DENIED, "document.error.copy-not-approved",
                    Map.of("kind", kind.name())));
            throw BaomiException.forbidden("document.error.copy-not-approved");
        }
        Instant now = clock.instant();
        copies.markMade(copy.id(), now);
        documents.event(documentId, now, holder.accountId(), holder.fullName(), "copy-made",
                copy.number() + "/" + copy.ofTotal());
        audit.record(AuditEntry.allowed("document.copy.made", ResourceRef.DOCUMENT, documentId,
                Map.of("copyId", copy.id(), "kind", kind.name(), "copyNo", copy.number()))
                .withLevel(document.level()));
        return new CopyRecord(copy.id(), documentId, kind, copy.number(), copy.ofTotal(), copy.holderId(),
                copy.holderName(), "MADE", copy.authorisedAt(), now, null);
    }

    @Override
    @Transactional
    public void returnCopy(long copyId) {
        StaffPrincipal custodian = currentUser.require();
        CopyRecord copy = copies.copy(copyId).orElseThrow(() -> BaomiException.notFound("document.error.copy-not-found"));
        DocumentSummary document = requireCustodian(custodian, copy.documentId(), "return-copy");
        Instant now = clock.instant();
        if (!copies.markReturned(copyId, now, custodian.accountId())) {
            throw BaomiException.conflict("document.error.already-returned");
        }
        documents.event(document.id(), now, custodian.accountId(), custodian.fullName(), "copy-returned",
                copy.number() + "/" + copy.ofTotal() + " " + copy.holderName());
        audit.record(AuditEntry.allowed("document.copy.returned", ResourceRef.DOCUMENT, document.id(),
                Map.of("copyId", copyId, "copyNo", copy.number(), "holderId", copy.holderId()))
                .withLevel(document.level()));
    }

    @Override
    @Transactional
    public void returnCarriedOut(long carryOutId) {
        StaffPrincipal custodian = currentUser.require();
        CarryOutRecord out = copies.carryOut(carryOutId)
                .orElseThrow(() -> BaomiException.notFound("document.error.copy-not-found"));
        DocumentSummary document = requireCustodian(custodian, out.documentId(), "return-carry-out");
        Instant now = clock.instant();
        if (!copies.carryOutReturned(carryOutId, now, custodian.accountId())) {
            throw BaomiException.conflict("document.error.already-returned");
        }
        if (copies.openCarryOuts(document.id()) == 0) {
            documents.changeStatus(document.id(), DocumentStatus.CARRIED_OUT, DocumentStatus.REGISTERED, now,
                    custodian.accountId());
        }
        documents.event(document.id(), now, custodian.accountId(), custodian.fullName(), "carry-out-returned",
                out.holderName());
        audit.record(AuditEntry.allowed("document.carry-out.returned", ResourceRef.DOCUMENT, document.id(),
                Map.of("carryOutId", carryOutId, "holderId", out.holderId())).withLevel(document.level()));
    }

    @Override
    @Transactional
    public List<CopyRecord> copiesOf(long documentId) {
        StaffPrincipal reader = currentUser.require();
        document(documentId);
        access.require(read(reader.accountId(), documentId, "document.copies"));
        return copies.copiesOf(documentId);
    }

    @Override
    @Transactional
    public List<CarryOutRecord> carryOutsOf(long documentId) {
        StaffPrincipal reader = currentUser.require();
        document(documentId);
        access.require(read(reader.accountId(), documentId, "document.carry-outs"));
        return copies.carryOutsOf(documentId);
    }

    private DocumentSummary requireCustodian(StaffPrincipal person, long documentId, String what) {
        DocumentSummary document = document(documentId);
        if (document.custodianId() != person.accountId()) {
            audit.recordIndependently(new AuditEntry(null, "document.copy.refused", ResourceRef.DOCUMENT,
                    Long.toString(documentId), document.level(), AuditOutcome.DENIED, "document.error.not-custodian",
                    Map.of("operation", what)));
            throw BaomiException.forbidden("document.error.not-custodian");
        }
        return document;
    }

    private DocumentSummary document(long documentId) {
        return documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found")).summary();
    }

    private static AccessRequest read(long personId, long documentId, String purpose) {
        return new AccessRequest(personId, AccessAction.READ, ResourceRef.document(Long.toString(documentId)),
                AccessContext.NONE.withPurpose(purpose));
    }
}
