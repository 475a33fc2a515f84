package org.baomi.document.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.CirculationDraft;
import org.baomi.document.CirculationMode;
import org.baomi.document.CirculationReader;
import org.baomi.document.DocumentCirculation;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.document.InboxItem;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.Notifications;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOC-5: circulation is direct. The custodian alone sends a document out and widens its readership; readers sign
 * and return it; nobody passes it sideways (there is no such operation, and every sending operation refuses anyone
 * but the custodian). The access decision point's distribution list is always exactly the readers holding it now.
 */
@Service
class CirculationService implements DocumentCirculation {

    /** DOC-5: a circulation lasts two days at most. */
    static final Duration LONGEST = Duration.ofDays(2);
    static final int MAX_READERS = 20;
    private static final String NEED_TO_KNOW = "access.denied.need-to-know";

    private final CirculationStore circulations;
    private final DocumentStore documents;
    private final AccessPolicy access;
    private final ProtectedObjects objects;
    private final StaffLookup staff;
    private final CurrentUser currentUser;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    CirculationService(CirculationStore circulations, DocumentStore documents, AccessPolicy access,
            ProtectedObjects objects, StaffLookup staff, CurrentUser currentUser, Notifications notifications,
            AuditTrail audit, Clock clock) {
        this.circulations = circulations;
        this.documents = documents;
        this.access = access;
        this.objects = objects;
        this.staff = staff;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long send(long documentId, CirculationDraft draft) {
        StaffPrincipal custodian = currentUser.require();
        DocumentSummary document = document(documentId);
        requireCustodian(custodian, document, "send");
        access.require(read(custodian.accountId(), documentId, "document.circulate"));
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.mode() == null) {
            problems.add(new FieldProblem("mode", "document.error.required"));
        }
        List<StaffPrincipal> readers = readers(draft.readerStaffNos(), document, custodian, Set.of(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (!documents.changeStatus(documentId, DocumentStatus.REGISTERED, DocumentStatus.IN_CIRCULATION, now,
                custodian.accountId())) {
            throw BaomiException.conflict("document.error.not-available");
        }
        long id = circulations.insert(documentId, draft.mode(), draft.urgent(), custodian.accountId(), now,
                now.plus(LONGEST));
        List<StaffPrincipal> sentTo = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            boolean now1 = draft.mode() == CirculationMode.PARALLEL || i == 0;
            circulations.addReader(id, i + 1, readers.get(i).accountId(), readers.get(i).fullName(), now1 ? now : null);
            if (now1) {
                sentTo.add(readers.get(i));
            }
        }
        objects.setDistribution(ref(documentId), circulations.holders(documentId));
        documents.event(documentId, now, custodian.accountId(), custodian.fullName(), "circulated",
                names(readers));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("circulationId", id);
        details.put("mode", draft.mode().name());
        details.put("urgent", draft.urgent());
        details.put("readers", readers.stream().map(StaffPrincipal::accountId).toList());
        audit.record(AuditEntry.allowed("document.circulated", ResourceRef.DOCUMENT, documentId, details)
                .withLevel(document.level()));
        for (StaffPrincipal reader : sentTo) {
            tell(reader.accountId(), "document.notification.circulated", id, document);
        }
        return id;
    }

    @Override
    @Transactional
    public void widen(long circulationId, List<String> readerStaffNos) {
        StaffPrincipal custodian = currentUser.require();
        CirculationStore.Circulation circulation = circulations.lock(circulationId)
                .orElseThrow(() -> BaomiException.notFound("document.error.circulation-not-found"));
        DocumentSummary document = document(circulation.documentId());
        requireCustodian(custodian, document, "widen");
        if (!circulation.open()) {
            throw BaomiException.conflict("document.error.circulation-closed");
        }
        List<CirculationReader> existing = circulations.readers(circulationId);
        Set<Long> already = new HashSet<>();
        existing.forEach(r -> already.add(r.readerId()));
        List<FieldProblem> problems = new ArrayList<>();
        List<StaffPrincipal> added = readers(readerStaffNos, document, custodian, already, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        boolean nobodyHolds = circulations.holders(document.id()).isEmpty();
        int position = existing.size();
        List<StaffPrincipal> sentTo = new ArrayList<>();
        for (StaffPrincipal reader : added) {
            position++;
            boolean sendNow = circulation.mode() == CirculationMode.PARALLEL || (nobodyHolds && sentTo.isEmpty()
                    && existing.stream().allMatch(r -> r.sentAt() != null));
            circulations.addReader(circulationId, position, reader.accountId(), reader.fullName(), sendNow ? now : null);
            if (sendNow) {
                sentTo.add(reader);
            }
        }
        objects.setDistribution(ref(document.id()), circulations.holders(document.id()));
        documents.event(document.id(), now, custodian.accountId(), custodian.fullName(), "widened", names(added));
        audit.record(AuditEntry.allowed("document.circulation.widened", ResourceRef.DOCUMENT, document.id(),
                Map.of("circulationId", circulationId,
                        "readers", added.stream().map(StaffPrincipal::accountId).toList()))
                .withLevel(document.level()));
        for (StaffPrincipal reader : sentTo) {
            tell(reader.accountId(), "document.notification.circulated", circulationId, document);
        }
    }

    @Override
    @Transactional
    public void sign(long circulationId) {
        StaffPrincipal reader = currentUser.require();
        CirculationStore.Circulation circulation = circulations.lock(circulationId)
                .orElseThrow(() -> BaomiException.notFound("document.error.circulation-not-found"));
        DocumentSummary document = document(circulation.documentId());
        CirculationReader held = circulations.readers(circulationId).stream()
                .filter(r -> r.readerId() == reader.accountId() && r.sentAt() != null && r.releasedAt() == null)
                .findFirst().orElse(null);
        if (!circulation.open() || held == null) {
            refuse(reader, document, "sign", "document.error.not-current-reader");
        }
        if (held.signedAt() != null) {
            throw BaomiException.conflict("document.error.already-signed");
        }
        access.require(read(reader.accountId(), document.id(), "document.sign"));
        Instant now = clock.instant();
        circulations.sign(circulationId, reader.accountId(), now, reader.fullName());
        documents.event(document.id(), now, reader.accountId(), reader.fullName(), "signed", null);
        // DOC-5: in turn, the document comes back before the next reader gets it; urgent ones return on reading
        if (circulation.mode() == CirculationMode.SEQUENTIAL || circulation.urgent()) {
            circulations.release(circulationId, reader.accountId(), now);
        }
        if (circulation.mode() == CirculationMode.SEQUENTIAL) {
            circulations.sendNext(circulationId, now).ifPresent(next -> {
                documents.event(document.id(), now, reader.accountId(), reader.fullName(), "sent-to-next",
                        next.readerName());
                tell(next.readerId(), "document.notification.circulated", circulationId, document);
            });
        }
        objects.setDistribution(ref(document.id()), circulations.holders(document.id()));
        audit.record(AuditEntry.allowed("document.signed", ResourceRef.DOCUMENT, document.id(),
                Map.of("circulationId", circulationId, "signedName", reader.fullName()))
                .withLevel(document.level()));
        tell(circulation.custodianId(), "document.notification.signed", circulationId, document);
    }

    @Override
    @Transactional
    public void close(long circulationId) {
        StaffPrincipal custodian = currentUser.require();
        CirculationStore.Circulation circulation = circulations.lock(circulationId)
                .orElseThrow(() -> BaomiException.notFound("document.error.circulation-not-found"));
        DocumentSummary document = document(circulation.documentId());
        requireCustodian(custodian, document, "close");
        Instant now = clock.instant();
        long unsigned = circulations.readers(circulationId).stream().filter(r -> r.signedAt() == null).count();
        if (!circulations.close(circulationId, now)) {
            throw BaomiException.conflict("document.error.circulation-closed");
        }
        documents.changeStatus(document.id(), DocumentStatus.IN_CIRCULATION, DocumentStatus.REGISTERED, now,
                custodian.accountId());
        objects.setDistribution(ref(document.id()), circulations.holders(document.id()));
        documents.event(document.id(), now, custodian.accountId(), custodian.fullName(), "returned",
                unsigned == 0 ? null : Long.toString(unsigned));
        audit.record(AuditEntry.allowed("document.returned", ResourceRef.DOCUMENT, document.id(),
                Map.of("circulationId", circulationId, "unsigned", unsigned, "overdue", now.isAfter(circulation.dueAt())))
                .withLevel(document.level()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<InboxItem> inbox() {
        return circulations.inbox(currentUser.require().accountId(), clock.instant());
    }

    @Override
    @Transactional
    public int flagOverdue() {
        Instant now = clock.instant();
        int flagged = 0;
        for (CirculationStore.Circulation c : circulations.overdueUnflagged(now)) {
            if (!circulations.flagOverdue(c.id(), now)) {
                continue;
            }
            flagged++;
            DocumentSummary document = document(c.documentId());
            documents.event(c.documentId(), now, null, null, "overdue", null);
            audit.record(new AuditEntry(AuditActor.system(), "document.circulation.overdue", ResourceRef.DOCUMENT,
                    Long.toString(c.documentId()), document.level(), AuditOutcome.ALLOWED, null,
                    Map.of("circulationId", c.id(), "dueAt", c.dueAt().toString())));
            tell(c.custodianId(), "document.notification.overdue-custodian", c.id(), document);
            for (CirculationReader r : circulations.readers(c.id())) {
                if (r.sentAt() != null && r.releasedAt() == null) {
                    tell(r.readerId(), "document.notification.overdue-reader", c.id(), document);
                }
            }
        }
        return flagged;
    }

    /**
     * The readers named, each active, not the custodian, named once, and allowed by the policy to read the
     * document once on its distribution list: every rule but need-to-know must already allow them (clearance,
     * permission, 三员, obligations), so that the custodian widens the readership only within policy.
     */
    private List<StaffPrincipal> readers(List<String> staffNos, DocumentSummary document, StaffPrincipal custodian,
            Set<Long> already, List<FieldProblem> problems) {
        List<StaffPrincipal> found = new ArrayList<>();
        if (staffNos.isEmpty()) {
            problems.add(new FieldProblem("readers", "document.error.readers-required"));
            return found;
        }
        if (staffNos.size() > MAX_READERS) {
            problems.add(new FieldProblem("readers", "document.error.readers-too-many", MAX_READERS));
            return found;
        }
        Set<Long> seen = new HashSet<>(already);
        for (String raw : staffNos) {
            String staffNo = raw == null ? "" : raw.strip();
            StaffPrincipal person = staffNo.isEmpty() || staffNo.length() > 32 ? null
                    : staff.activeByStaffNo(staffNo).orElse(null);
            if (person == null) {
                problems.add(new FieldProblem("readers", "document.error.reader-unknown", clip(staffNo)));
                continue;
            }
            if (person.accountId() == custodian.accountId()) {
                problems.add(new FieldProblem("readers", "document.error.reader-is-custodian", staffNo));
                continue;
            }
            if (!seen.add(person.accountId())) {
                problems.add(new FieldProblem("readers", "document.error.reader-twice", staffNo));
                continue;
            }
            AccessDecision decision = access.decide(AccessRequest.read(person.accountId(), ref(document.id())));
            if (!decision.allowed() && !NEED_TO_KNOW.equals(decision.reasonKey())) {
                problems.add(new FieldProblem("readers", "document.error.reader-not-allowed", staffNo,
                        decision.explanation()));
                continue;
            }
            found.add(person);
        }
        return found;
    }

    private void requireCustodian(StaffPrincipal person, DocumentSummary document, String what) {
        if (document.custodianId() != person.accountId()) {
            refuse(person, document, what, "document.error.not-custodian");
        }
    }

    /** DOC-5: a refusal is kept although nothing happens (AUD-1). */
    private void refuse(StaffPrincipal person, DocumentSummary document, String what, String reasonKey) {
        audit.recordIndependently(new AuditEntry(null, "document.circulation.refused", ResourceRef.DOCUMENT,
                Long.toString(document.id()), document.level(), AuditOutcome.DENIED, reasonKey,
                Map.of("operation", what, "personId", person.accountId())));
        throw BaomiException.forbidden(reasonKey);
    }

    private DocumentSummary document(long documentId) {
        return documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found")).summary();
    }

    /** Notifications say only that something awaits, never a title (issue 4). */
    private void tell(long personId, String key, long circulationId, DocumentSummary document) {
        notifications.notify(new NotificationDraft(personId, NotificationKind.GENERAL, key,
                List.of(new NotificationArg.Number(circulationId)), "/documents/" + document.id(), document.level()));
    }

    private static String names(List<StaffPrincipal> people) {
        return String.join(", ", people.stream().map(StaffPrincipal::fullName).toList());
    }

    private static AccessRequest read(long personId, long documentId, String purpose) {
        return new AccessRequest(personId, org.baomi.iam.AccessAction.READ, ref(documentId),
                org.baomi.iam.AccessContext.NONE.withPurpose(purpose));
    }

    private static ResourceRef ref(long documentId) {
        return ResourceRef.document(Long.toString(documentId));
    }

    private static String clip(String s) {
        return s.length() > 32 ? s.substring(0, 32) : s;
    }
}
