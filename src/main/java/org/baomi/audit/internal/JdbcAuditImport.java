package org.baomi.audit.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditImport;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.internal.chain.EntryImporter;
import org.baomi.audit.internal.chain.EntryWriter;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuditImport}: validates each event as it is taken from the iterator and streams it through
 * {@link EntryImporter} (one COPY in this transaction), then records the import itself (AUD-1). Any failure rolls
 * the transaction back: nothing of the import stays.
 */
@Service
class JdbcAuditImport implements AuditImport {

    /** Clocks of external systems drift; an event further in the future than this is refused. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final EntryImporter importer;
    private final EntryWriter writer;
    private final DataSource dataSource;
    private final Clock clock;
    private final JsonMapper json;

    JdbcAuditImport(EntryImporter importer, EntryWriter writer, DataSource dataSource, Clock clock, JsonMapper json) {
        this.importer = importer;
        this.writer = writer;
        this.dataSource = dataSource;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional
    public AuditImportResult importEvents(String source, Iterator<ExternalAuditEvent> events) {
        if (source == null || source.isBlank() || source.length() > 100 || events == null) {
            throw BaomiException.invalid("audit.import.error.source");
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        Iterator<EntryWriter.NewEntry> entries = new Iterator<>() {
            private int position;

            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public EntryWriter.NewEntry next() {
                return validated(++position, events.next(), latest);
            }
        };
        EntryImporter.Imported imported;
        try {
            imported = importer.copy(DataSourceUtils.getConnection(dataSource), entries);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit import was refused by the database; nothing was imported", e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", imported.count());
        if (imported.firstId() != null) {
            details.put("firstId", imported.firstId());
            details.put("lastId", imported.lastId());
        }
        AuditActor system = AuditActor.system();
        long recordId = writer.insert(new EntryWriter.NewEntry(clock.instant(), system.id(), system.name(), null,
                system.kind().name(), null, null, "audit.import", "audit-import", source, null,
                AuditOutcome.ALLOWED.name(), null, json.writeValueAsString(details), null));
        return new AuditImportResult(imported.count(), imported.firstId(), imported.lastId(), recordId);
    }

    /** The entry to store, or an invalid-input exception naming the event's position and the field. */
    private EntryWriter.NewEntry validated(int position, ExternalAuditEvent event, Instant latest) {
        if (event == null || event.entry() == null) {
            throw invalid(position, "event");
        }
        AuditEntry e = event.entry();
        AuditActor a = e.actor();
        if (event.occurredAt() == null || event.occurredAt().isAfter(latest)) {
            throw invalid(position, "occurredAt");
        }
        if (a == null || a.kind() == null) {
            throw invalid(position, "actor");
        }
        if (e.outcome() == null) {
            throw invalid(position, "outcome");
        }
        String details;
        try {
            details = json.writeValueAsString(e.details());
        } catch (RuntimeException notJson) {
            throw invalid(position, "details");
        }
        return new EntryWriter.NewEntry(event.occurredAt(), a.id(), text(position, "actor.name", a.name(), 200),
                text(position, "actor.department", a.department(), 200), a.kind().name(),
                text(position, "actor.sourceAddress", a.sourceAddress(), 100),
                text(position, "actor.sessionRef", a.sessionRef(), 100), required(position, "action", e.action(), 100),
                text(position, "objectType", e.objectType(), 60), text(position, "objectId", e.objectId(), 100),
                e.level() == null ? null : e.level().name(), e.outcome().name(),
                text(position, "reasonKey", e.reasonKey(), 200), details,
                text(position, "patientId", e.patientId(), 64));
    }

    private static String required(int position, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(position, field);
        }
        return text(position, field, value, max);
    }

    /** Within the column's length and without control characters (they would be stored as they are). */
    private static String text(int position, String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(position, field);
        }
        return value;
    }

    private static BaomiException invalid(int position, String field) {
        return BaomiException.invalid("audit.import.error.invalid", position, field);
    }
}
