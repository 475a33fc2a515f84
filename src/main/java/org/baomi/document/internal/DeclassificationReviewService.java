package org.baomi.document.internal;

import static org.baomi.document.internal.DocumentStore.date;
import static org.baomi.document.internal.DocumentStore.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassifierDesignations;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.PeriodKind;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.DocumentDeclassificationReview;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.document.ReviewItem;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CLS-4: the designee's decisions on documents due for declassification. The file's vault mark is re-bound through
 * {@link FileMarks} after the register row changes, in the same transaction, from the mark the row had: a row whose
 * level was altered behind Baomi's back fails the re-binding as tampering, and the decision is undone.
 */
@Service
class DeclassificationReviewService implements DocumentDeclassificationReview {

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final ClassifierDesignations classifiers;
    private final ClassificationCatalogue catalogue;
    private final ProtectedObjects objects;
    private final FileMarks fileMarks;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    DeclassificationReviewService(JdbcClient jdbc, DocumentStore documents, ClassifierDesignations classifiers,
            ClassificationCatalogue catalogue, ProtectedObjects objects, FileMarks fileMarks, CurrentUser currentUser,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.classifiers = classifiers;
        this.catalogue = catalogue;
        this.objects = objects;
        this.fileMarks = fileMarks;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<ReviewItem> dueForReview() {
        StaffPrincipal designee = currentUser.require();
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        List<ReviewItem> items = new ArrayList<>();
        for (DocumentSummary d : documents.dueForDeclassification(today.plusDays(REVIEW_WINDOW_DAYS),
                designee.clearance(), clock.instant())) {
            // CLS-3: only what this person may classify at its current level is theirs to review
            if (items.size() < 200
                    && classifiers.mayClassify(designee.accountId(), d.categoryCode(), d.level()).allowed()) {
                List<SecretLevel> lower = new ArrayList<>();
                for (int i = d.level().ordinal() - 1; i >= SecretLevel.INTERNAL.ordinal(); i--) {
                    lower.add(SecretLevel.values()[i]);
                }
                items.add(new ReviewItem(d, latestEnd(d), lower));
            }
        }
        if (!items.isEmpty()) {
            audit.record(AuditEntry.allowed("document.declassification.review-listed", ResourceRef.DOCUMENT,
                    null, Map.of("rows", items.size())));
        }
        return items;
    }

    @Override
    @Transactional
    public void extend(long documentId, LocalDate until, String reason) {
        StaffPrincipal designee = currentUser.require();
        DocumentStore.Row row = reviewable(designee, documentId);
        DocumentSummary d = row.summary();
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        List<FieldProblem> problems = new ArrayList<>();
        if (until == null) {
            problems.add(new FieldProblem("until", "document.error.required"));
        } else if (!until.isAfter(today) || (d.declassifyOn() != null && !until.isAfter(d.declassifyOn()))) {
            problems.add(new FieldProblem("until", "document.review.error.until"));
        } else if (latestEnd(d) != null && until.isAfter(latestEnd(d))) {
            // CLS-4: the period, extensions included, never exceeds the level's longest period from registration
            problems.add(new FieldProblem("until", "document.review.error.too-long",
                    catalogue.level(d.level()).maxPeriodYears(), latestEnd(d).toString()));
        }
        String why = reason(reason, problems);
        if (d.level().compareTo(SecretLevel.SECRET) < 0) {
            problems.add(new FieldProblem("until", "document.review.error.no-period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ConfidentialityTerm term = new ConfidentialityTerm(PeriodKind.YEARS, null, until, null);
        jdbc.sql("UPDATE doc_document SET period_kind = 'YEARS', period_years = NULL, period_until = :until, "
                + "period_condition = NULL, declassify_on = :until, updated_at = :now, updated_by = :by, "
                + "version = version + 1 WHERE id = :id")
                .param("until", date(until)).param("now", ts(clock.instant())).param("by", designee.accountId())
                .param("id", documentId).update();
        rebind(row, d.level(), d.term(), d.level(), term);
        decided(designee, d, "declassification-extended", "document.declassification.extended", until.toString(),
                why,
                Map.of("until", until.toString(), "was", String.valueOf(d.declassifyOn())));
    }

    @Override
    @Transactional
    public void downgrade(long documentId, SecretLevel level, String reason) {
        StaffPrincipal designee = currentUser.require();
        DocumentStore.Row row = reviewable(designee, documentId);
        DocumentSummary d = row.summary();
        List<FieldProblem> problems = new ArrayList<>();
        if (level == null || level.compareTo(d.level()) >= 0) {
            problems.add(new FieldProblem("level", "document.review.error.level"));
        }
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // CLS-5: below 秘密 a document is no hospital secret and has no period
        boolean secret = level.compareTo(SecretLevel.SECRET) >= 0;
        ConfidentialityTerm term = secret ? d.term() : new ConfidentialityTerm(PeriodKind.NONE, null, null, null);
        jdbc.sql("UPDATE doc_document SET level = :level, period_kind = :kind, period_years = :years, "
                + "period_until = :until, period_condition = :condition, declassify_on = :declassify, "
                + "updated_at = :now, updated_by = :by, version = version + 1 WHERE id = :id")
                .param("level", level.name()).param("kind", term.kind().name()).param("years", term.years())
                .param("until", date(term.until())).param("condition", term.condition())
                .param("declassify", date(secret ? d.declassifyOn() : null)).param("now", ts(clock.instant()))
                .param("by", designee.accountId()).param("id", documentId).update();
        objects.register(new ProtectedObject(ResourceRef.document(Long.toString(documentId)), level,
                row.departmentId(), d.custodianId()));
        rebind(row, d.level(), d.term(), level, term);
        decided(designee, d, "declassification-downgraded", "document.declassification.downgraded",
                level.name(), why,
                Map.of("level", level.name(), "was", d.level().name()));
    }

    @Override
    @Transactional
    public void letLapse(long documentId, String reason) {
        StaffPrincipal designee = currentUser.require();
        DocumentSummary d = reviewable(designee, documentId).summary();
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        decided(designee, d, "declassification-lapse", "document.declassification.lapse-confirmed",
                String.valueOf(d.declassifyOn()), why,
                Map.of("on", String.valueOf(d.declassifyOn())));
    }

    /** Registration day plus the level's longest period; null when the level has none (CLS-4, CLS-5). */
    private LocalDate latestEnd(DocumentSummary d) {
        LevelDefinition definition = catalogue.level(d.level());
        if (definition == null || definition.maxPeriodYears() == null || d.registeredOn() == null) {
            return null;
        }
        return d.registeredOn().plusYears(definition.maxPeriodYears());
    }

    /** The document exists, is still kept, and the person may classify its category at its current level (CLS-3). */
    private DocumentStore.Row reviewable(StaffPrincipal person, long documentId) {
        DocumentStore.Row row = documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        classifiers.requireClassifier(person.accountId(), row.summary().categoryCode(), row.summary().level());
        DocumentStatus status = row.summary().status();
        if (status == DocumentStatus.DESTROYED || status == DocumentStatus.LOST
                || status == DocumentStatus.DECLASSIFIED) {
            throw BaomiException.conflict("document.review.error.not-kept");
        }
        return row;
    }

    private void rebind(DocumentStore.Row row, SecretLevel oldLevel, ConfidentialityTerm oldTerm, SecretLevel level,
            ConfidentialityTerm term) {
        fileMarks.levelChanged(row.summary().id(), row.fileId(), oldLevel, oldTerm, level, term);
    }

    private void decided(StaffPrincipal designee, DocumentSummary d, String event, String action, String detail,
            String reason,
            Map<String, String> facts) {
        Instant now = clock.instant();
        documents.event(d.id(), now, designee.accountId(), designee.fullName(), event, detail);
        Map<String, Object> details = new LinkedHashMap<>(facts);
        details.put("reason", reason);
        audit.record(AuditEntry.allowed(action, ResourceRef.DOCUMENT, d.id(), details)
                .withLevel(d.level()));
    }

    private static String reason(String reason, List<FieldProblem> problems) {
        String v = reason == null ? "" : reason.strip();
        if (v.isEmpty()) {
            problems.add(new FieldProblem("reason", "document.error.required"));
        } else if (v.length() > 1000) {
            problems.add(new FieldProblem("reason", "document.error.too-long", 1000));
        }
        return v;
    }
}
