package org.baomi.document.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassifierDesignations;
import org.baomi.document.DocumentDetail;
import org.baomi.document.DocumentDraft;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentRegister;
import org.baomi.document.DocumentSummary;
import org.baomi.document.RegistrationDefaults;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.CsvExport;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DOC-1, DOC-2, CLS-2..4: registration, the document's page, register searches and exports. */
@Service
class DocumentService implements DocumentRegister {

    static final int MAX_EXPORT_ROWS = 10_000;

    private final DocumentStore store;
    private final DocumentSearch search;
    private final CirculationStore circulations;
    private final CopyStore copies;
    private final RegistrationRules rules;
    private final ClassificationCatalogue catalogue;
    private final ClassifierDesignations classifiers;
    private final AccessPolicy access;
    private final ProtectedObjects objects;
    private final PermissionGuard guard;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    DocumentService(DocumentStore store, DocumentSearch search, CirculationStore circulations,
            CopyStore copies, RegistrationRules rules, ClassificationCatalogue catalogue, ClassifierDesignations classifiers,
            AccessPolicy access, ProtectedObjects objects, PermissionGuard guard, CurrentUser currentUser,
            AuditTrail audit, MessageSource messages, Clock clock) {
        this.store = store;
        this.search = search;
        this.circulations = circulations;
        this.copies = copies;
        this.rules = rules;
        this.catalogue = catalogue;
        this.classifiers = classifiers;
        this.access = access;
        this.objects = objects;
        this.guard = guard;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long register(DocumentDraft draft) {
        StaffPrincipal registrar = guard.require(DocumentPermissions.REGISTER_MANAGE);
        LocalDate today = today();
        RegistrationRules.Checked checked = rules.check(draft, today);
        // CLS-3: a hospital secret's level is set by the president or a designee. A received document whose level
        // is the category's default only records the mark it arrived with; a dispatched one, or any other level, is
        // a classification decision.
        if (checked.document().level().atLeast(org.baomi.shared.SecretLevel.SECRET)
                && (checked.document().direction() == org.baomi.document.Direction.DISPATCH
                        || checked.document().level() != checked.category().defaultLevel())) {
            try {
                classifiers.requireClassifier(registrar.accountId(), checked.category().code(),
                        checked.document().level());
            } catch (BaomiException refused) {
                if (refused.kind() != BaomiException.Kind.FORBIDDEN) {
                    throw refused;
                }
                throw new InvalidInputException(List.of(new FieldProblem("level", refused.messageKey())));
            }
        }
        access.require(new AccessRequest(registrar.accountId(), AccessAction.CREATE, ResourceRef.document("new"),
                AccessContext.NONE.writing(checked.document().level()).withPurpose("document.register")));
        int year = today.getYear();
        int number = store.nextSerial(checked.document().direction(), year);
        String serialNo = String.format(Locale.ROOT, "%s-%d-%04d", serialPrefix(checked.document().direction()), year,
                number);
        Instant now = clock.instant();
        long id = store.insert(checked.document(), serialNo, year, number, now, registrar.accountId(),
                registrar.fullName());
        store.event(id, now, registrar.accountId(), registrar.fullName(), "registered", serialNo);
        objects.register(new ProtectedObject(ResourceRef.document(Long.toString(id)), checked.document().level(),
                checked.document().departmentId(), checked.document().custodianId()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("serialNo", serialNo);
        details.put("direction", checked.document().direction().name());
        details.put("category", checked.document().categoryCode());
        details.put("period", checked.document().term().kind().name());
        details.put("custodianId", checked.document().custodianId());
        details.put("copies", checked.document().copies());
        audit.record(AuditEntry.allowed("document.registered", ResourceRef.DOCUMENT, id, details)
                .withLevel(checked.document().level()));
        return id;
    }

    @Override
    @Transactional
    public DocumentDetail show(long documentId) {
        return show(currentUser.require(), documentId);
    }

    /** The document's page for this reader (signed in, or named by an integration client): READ, audited. */
    DocumentDetail show(StaffPrincipal reader, long documentId) {
        Instant now = clock.instant();
        DocumentStore.Row row = store.find(documentId, now)
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        access.require(AccessRequest.read(reader.accountId(), ResourceRef.document(Long.toString(documentId))));
        audit.record(AuditEntry.allowed("document.viewed", ResourceRef.DOCUMENT, documentId,
                Map.of("serialNo", row.summary().serialNo())).withLevel(row.summary().level()));
        List<org.baomi.document.CirculationView> all = circulations.ofDocument(documentId, now);
        Long signable = all.stream().filter(org.baomi.document.CirculationView::open)
                .filter(c -> c.readers().stream().anyMatch(r -> r.readerId() == reader.accountId()
                        && r.sentAt() != null && r.signedAt() == null && r.releasedAt() == null))
                .map(org.baomi.document.CirculationView::id).findFirst().orElse(null);
        return new DocumentDetail(row.summary(), row.departmentId(), row.storagePlace(), row.remarks(), row.fileId(),
                row.fileName(), row.fileSize(), row.fileMediaType(), row.createdByName(), row.createdAt(),
                row.version(), store.history(documentId), all, row.summary().custodianId() == reader.accountId(),
                signable, copies.copiesOf(documentId), copies.carryOutsOf(documentId), reader.accountId());
    }

    @Override
    @Transactional
    public ResultPage<DocumentSummary> search(DocumentFilter filter) {
        return search(guard.require(DocumentPermissions.REGISTER_MANAGE), filter);
    }

    /** One page of the register for a reader who holds {@link DocumentPermissions#REGISTER_MANAGE} (checked before). */
    ResultPage<DocumentSummary> search(StaffPrincipal reader, DocumentFilter filter) {
        checkPaging(filter);
        DocumentSearch.Found found = search.find(filter, reader.clearance(), today(), clock.instant(),
                filter.page() * filter.size(), filter.size(), true);
        audit.record(AuditEntry.allowed("document.register.searched", ResourceRef.DOCUMENT, null,
                filterDetails(filter, found.rows().size())));
        return new ResultPage<>(found.rows(), found.total(), filter.page(), filter.size());
    }

    @Override
    @Transactional
    public CsvExport export(DocumentFilter filter, Locale locale) {
        StaffPrincipal reader = guard.require(DocumentPermissions.REGISTER_MANAGE);
        List<DocumentSummary> rows = search.find(filter, reader.clearance(), today(), clock.instant(), 0,
                MAX_EXPORT_ROWS, false).rows();
        CsvWriter csv = new CsvWriter();
        csv.line(text("document.field.serialNo", locale), text("document.field.direction", locale),
                text("document.field.mark", locale), text("document.field.title", locale),
                text("document.field.docNumber", locale), text("document.field.originatingUnit", locale),
                text("document.field.categoryCode", locale), text("document.field.copies", locale),
                text("document.field.custodian", locale), text("document.field.status", locale),
                text("document.field.registeredOn", locale), text("document.field.declassifyOn", locale));
        for (DocumentSummary d : rows) {
            csv.line(d.serialNo(), text(d.direction().messageKey(), locale), messages.getMessage(d.mark(), locale),
                    d.title(), nullToEmpty(d.docNumber()), d.originatingUnit(), d.categoryCode(),
                    Integer.toString(d.copies()), d.custodianName(), text(d.status().messageKey(), locale),
                    d.registeredOn().toString(), d.declassifyOn() == null ? "" : d.declassifyOn().toString());
        }
        audit.record(AuditEntry.allowed("document.register.exported", ResourceRef.DOCUMENT, null,
                filterDetails(filter, rows.size())));
        return new CsvExport("documents-" + today() + ".csv", csv.toBytes(), rows.size());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DocumentSummary> kept() {
        StaffPrincipal custodian = currentUser.require();
        return store.keptBy(custodian.accountId(), clock.instant());
    }

    @Override
    public RegistrationDefaults defaultsFor(String categoryCode) {
        CategorySummary category = catalogue.category(categoryCode == null ? "" : categoryCode.strip())
                .filter(CategorySummary::active)
                .orElseThrow(() -> BaomiException.notFound("document.error.category-unknown"));
        return new RegistrationDefaults(category.code(), category.defaultLevel(),
                RegistrationRules.defaultTerm(category), category.notSecret());
    }

    private void checkPaging(DocumentFilter filter) {
        List<FieldProblem> problems = new ArrayList<>();
        if (filter.page() < 0 || filter.page() > 100_000) {
            problems.add(new FieldProblem("page", "document.error.page"));
        }
        if (filter.size() < 1 || filter.size() > 100) {
            problems.add(new FieldProblem("size", "document.error.size"));
        }
        if (filter.dueWithinDays() != null && (filter.dueWithinDays() < 0 || filter.dueWithinDays() > 3650)) {
            problems.add(new FieldProblem("dueWithinDays", "document.error.due-within"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, Object> filterDetails(DocumentFilter filter, int rows) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("query", filter.query() == null ? "" : clip(filter.query()));
        details.put("level", filter.level() == null ? "" : filter.level().name());
        details.put("category", filter.categoryCode() == null ? "" : clip(filter.categoryCode()));
        details.put("custodianId", filter.custodianId() == null ? "" : filter.custodianId());
        details.put("status", filter.status() == null ? "" : filter.status().name());
        details.put("direction", filter.direction() == null ? "" : filter.direction().name());
        details.put("dueWithinDays", filter.dueWithinDays() == null ? "" : filter.dueWithinDays());
        details.put("overdueOnly", filter.overdueOnly());
        details.put("rows", rows);
        return details;
    }

    /** The serial number's prefix (收, 发) lives in the base bundle: Java code holds no Chinese text. */
    private String serialPrefix(org.baomi.document.Direction direction) {
        return messages.getMessage("document.serial-prefix." + direction.name(), null, direction.name(),
                Locale.SIMPLIFIED_CHINESE);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
