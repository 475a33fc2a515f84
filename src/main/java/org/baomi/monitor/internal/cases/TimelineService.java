package org.baomi.monitor.internal.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.monitor.AccessTimelinePage;
import org.baomi.monitor.AccessTimelineRow;
import org.baomi.monitor.AccessTimelineService;
import org.baomi.monitor.Detector;
import org.baomi.monitor.PrivacyCasePermissions;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timelines of a person and of a patient from the access events (issue 7 item 7; AUD-2): newest first, the events
 * behind alerts marked with the alerts' ids and detectors (a GIN index on {@code mon_alert.event_ids}).
 */
@Service
class TimelineService implements AccessTimelineService {

    private static final int MAX_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final AuditTrail audit;

    TimelineService(JdbcClient jdbc, CaseAccess access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    @Override
    @Transactional
    public AccessTimelinePage ofPerson(long personId, int page) {
        access.person(PrivacyCasePermissions.ALERT_READ);
        AccessTimelinePage result = timeline("person_id", personId, page);
        Map<String, Object> details = details(result);
        audit.record(AuditEntry.allowed("monitor.timeline.person-viewed", "account", personId, details));
        return result;
    }

    @Override
    @Transactional
    public AccessTimelinePage ofPatient(long patientId, int page) {
        access.person(PrivacyCasePermissions.ALERT_READ);
        AccessTimelinePage result = timeline("patient_id", patientId, page);
        audit.record(AuditEntry.allowed("monitor.timeline.patient-viewed", "patient", patientId, details(result))
                .withPatient(Long.toString(patientId)));
        return result;
    }

    /** {@code column} is one of this class's two constants, never request text. */
    private AccessTimelinePage timeline(String column, long id, int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw BaomiException.invalid("monitor.cases.error.page", MAX_PAGE);
        }
        long total = jdbc.sql("SELECT count(*) FROM mon_access_event WHERE " + column + " = :id").param("id", id)
                .query(Long.class).single();
        List<Event> events = jdbc.sql("SELECT id, occurred_at, source_system, user_ref, person_id, patient_ref, "
                + "patient_id, action, workstation FROM mon_access_event WHERE " + column + " = :id "
                + "ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset").param("id", id)
                .param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE).query(TimelineService::event)
                .list();
        Map<Long, List<long[]>> marks = new HashMap<>();
        if (!events.isEmpty()) {
            Long[] ids = events.stream().map(Event::id).toArray(Long[]::new);
            jdbc.sql("SELECT id, detector, event_ids FROM mon_alert WHERE event_ids && :ids ORDER BY id")
                    .param("ids", ids).query(rs -> {
                        long alert = rs.getLong("id");
                        int detector = Detector.valueOf(rs.getString("detector")).ordinal();
                        for (Long e : AlertRows.ids(rs.getArray("event_ids"))) {
                            marks.computeIfAbsent(e, k -> new ArrayList<>()).add(new long[] {alert, detector});
                        }
                    });
        }
        List<AccessTimelineRow> rows = new ArrayList<>(events.size());
        String subject = null;
        for (Event e : events) {
            List<long[]> m = marks.getOrDefault(e.id(), List.of());
            rows.add(new AccessTimelineRow(e.id(), e.at(), e.source(), e.userRef(), e.personId(), e.patientRef(),
                    e.patientId(), e.action(), e.workstation(), m.stream().map(a -> a[0]).toList(),
                    m.stream().map(a -> Detector.values()[(int) a[1]]).distinct().toList()));
            if (subject == null) {
                subject = "person_id".equals(column) ? e.userRef() : e.patientRef();
            }
        }
        return new AccessTimelinePage(subject, rows, total, page, PAGE_SIZE);
    }

    private static Map<String, Object> details(AccessTimelinePage page) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("page", page.page());
        details.put("total", page.total());
        details.put("events", page.rows().stream().map(AccessTimelineRow::eventId).toList());
        return details;
    }

    private record Event(long id, java.time.Instant at, String source, String userRef, Long personId,
            String patientRef, Long patientId, String action, String workstation) {
    }

    private static Event event(ResultSet rs, int n) throws SQLException {
        return new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("source_system"),
                rs.getString("user_ref"), rs.getObject("person_id", Long.class), rs.getString("patient_ref"),
                rs.getObject("patient_id", Long.class), rs.getString("action"), rs.getString("workstation"));
    }
}
