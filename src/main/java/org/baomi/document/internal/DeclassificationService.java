package org.baomi.document.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.DocumentDeclassification;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.Notifications;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** CLS-4: documents declassify themselves on the day their period ends; a daily job, one instance at a time. */
@Service
class DeclassificationService implements DocumentDeclassification {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeclassificationService.class);

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final CirculationStore circulations;
    private final ProtectedObjects objects;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    DeclassificationService(JdbcClient jdbc, DocumentStore documents, CirculationStore circulations,
            ProtectedObjects objects, Notifications notifications, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.circulations = circulations;
        this.objects = objects;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Shortly after midnight (Baomi's zone), so that a period ending today is over when the day starts. */
    @Scheduled(cron = "0 5 0 * * *")
    @SchedulerLock(name = "document.declassification", lockAtMostFor = "PT30M")
    public void daily() {
        int done = declassifyDue();
        log.info("Declassified {} documents whose period ended", done);
    }

    @Override
    @Transactional
    public int declassifyDue() {
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("SELECT id FROM doc_document WHERE declassify_on <= :today "
                + "AND status NOT IN ('DECLASSIFIED', 'DESTROYED', 'LOST') ORDER BY declassify_on, id LIMIT 5000 "
                + "FOR UPDATE SKIP LOCKED")
                .param("today", Date.valueOf(today)).query(Long.class).list();
        for (long id : due) {
            DocumentStore.Row row = documents.find(id, now).orElseThrow();
            SecretLevel was = row.summary().level();
            jdbc.sql("UPDATE doc_document SET status = 'DECLASSIFIED', updated_at = :now, version = version + 1 "
                    + "WHERE id = :id").param("now", DocumentStore.ts(now)).param("id", id).update();
            documents.event(id, now, null, null, "declassified", row.summary().declassifyOn().toString());
            objects.register(new ProtectedObject(ResourceRef.document(Long.toString(id)), SecretLevel.INTERNAL,
                    row.departmentId(), row.summary().custodianId()));
            audit.record(new AuditEntry(AuditActor.system(), "document.declassified", ResourceRef.DOCUMENT,
                    Long.toString(id), was, AuditOutcome.ALLOWED, null,
                    Map.of("periodEnded", row.summary().declassifyOn().toString(), "levelWas", was.name())));
            Set<Long> told = new LinkedHashSet<>();
            told.add(row.summary().custodianId());
            told.addAll(circulations.holders(id));
            told.addAll(jdbc.sql("SELECT DISTINCT holder_id FROM doc_copy WHERE document_id = :id AND status <> "
                    + "'RETURNED'").param("id", id).query(Long.class).list());
            for (long person : told) {
                notifications.notify(new NotificationDraft(person, NotificationKind.GENERAL,
                        "document.notification.declassified", List.of(new NotificationArg.Number(id)),
                        "/documents/" + id, SecretLevel.INTERNAL));
            }
        }
        return due.size();
    }
}
