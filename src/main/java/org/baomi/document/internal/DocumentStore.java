package org.baomi.document.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.baomi.classification.PeriodKind;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.Direction;
import org.baomi.document.DocumentEvent;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register's tables: documents, serial counters and the history of events. */
@Repository
class DocumentStore {

    static final String COLUMNS = "d.id, d.serial_no, d.direction, d.title, d.doc_number, d.originating_unit, "
            + "d.category_code, d.level, d.period_kind, d.period_years, d.period_until, d.period_condition, "
            + "d.declassify_on, d.copies, d.custodian_id, d.custodian_name, d.status, d.registered_on, "
            + "EXISTS (SELECT 1 FROM doc_circulation c WHERE c.document_id = d.id AND c.returned_at IS NULL "
            + "AND c.due_at < :now) AS overdue";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A document row with what only the page shows. */
    record Row(DocumentSummary summary, Long departmentId, String storagePlace, String remarks, Long fileId,
            String fileName, Long fileSize, String fileMediaType, String createdByName, Instant createdAt,
            int version) {
    }

    /** New document, as {@link DocumentService} validated it. */
    record NewDocument(Direction direction, String title, String docNumber, String originatingUnit,
            String categoryCode, SecretLevel level, ConfidentialityTerm term, LocalDate declassifyOn, int copies,
            long custodianId, String custodianName, Long departmentId, String storagePlace, String remarks,
            LocalDate registeredOn) {
    }

    /** The next serial number of the direction and year; the counter's row lock orders concurrent registrations. */
    int nextSerial(Direction direction, int year) {
        return jdbc.sql("INSERT INTO doc_serial (direction, year, last_number) VALUES (:direction, :year, 1) "
                + "ON CONFLICT (direction, year) DO UPDATE SET last_number = doc_serial.last_number + 1 "
                + "RETURNING last_number")
                .param("direction", direction.name()).param("year", year).query(Integer.class).single();
    }

    long insert(NewDocument d, String serialNo, int year, int number, Instant now, long actorId, String actorName) {
        return jdbc.sql("""
                INSERT INTO doc_document (serial_no, direction, serial_year, serial_number, title, doc_number,
                    originating_unit, category_code, level, period_kind, period_years, period_until, period_condition,
                    declassify_on, copies, custodian_id, custodian_name, department_id, storage_place, remarks, status,
                    registered_on, created_at, created_by, created_by_name, updated_at, updated_by)
                VALUES (:serial, :direction, :year, :number, :title, :docNumber, :unit, :category, :level, :periodKind,
                    :years, :until, :condition, :declassifyOn, :copies, :custodianId, :custodianName, :departmentId,
                    :storage, :remarks, 'REGISTERED', :registeredOn, :now, :actor, :actorName, :now, :actor)
                RETURNING id""")
                .param("serial", serialNo).param("direction", d.direction().name()).param("year", year)
                .param("number", number).param("title", d.title()).param("docNumber", d.docNumber())
                .param("unit", d.originatingUnit()).param("category", d.categoryCode())
                .param("level", d.level().name()).param("periodKind", d.term().kind().name())
                .param("years", d.term().years()).param("until", date(d.term().until()))
                .param("condition", d.term().condition()).param("declassifyOn", date(d.declassifyOn()))
                .param("copies", d.copies()).param("custodianId", d.custodianId())
                .param("custodianName", d.custodianName()).param("departmentId", d.departmentId())
                .param("storage", d.storagePlace()).param("remarks", d.remarks())
                .param("registeredOn", date(d.registeredOn())).param("now", ts(now)).param("actor", actorId)
                .param("actorName", actorName).query(Long.class).single();
    }

    Optional<Row> find(long id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + ", d.department_id, d.storage_place, d.remarks, d.file_id, d.file_name, "
                + "d.file_size, d.file_media_type, d.created_by_name, d.created_at, d.version "
                + "FROM doc_document d WHERE d.id = :id")
                .param("id", id).param("now", ts(now))
                .query((rs, n) -> new Row(summary(rs), nullableLong(rs, "department_id"), rs.getString("storage_place"),
                        rs.getString("remarks"), nullableLong(rs, "file_id"), rs.getString("file_name"),
                        nullableLong(rs, "file_size"), rs.getString("file_media_type"), rs.getString("created_by_name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("version")))
                .optional();
    }

    /** The documents a person keeps, overdue first, then newest. */
    List<DocumentSummary> keptBy(long custodianId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM doc_document d WHERE d.custodian_id = :custodian "
                + "AND d.status NOT IN ('DESTROYED', 'DECLASSIFIED') ORDER BY overdue DESC, d.registered_on DESC, d.id DESC "
                + "LIMIT 500")
                .param("custodian", custodianId).param("now", ts(now)).query((rs, n) -> summary(rs)).list();
    }

    /**
     * Documents still kept whose period ends on or before the day (CLS-4), up to a clearance, soonest first. The
     * caller narrows them to what the person may classify.
     */
    List<DocumentSummary> dueForDeclassification(LocalDate until, SecretLevel clearance, Instant now) {
        List<String> levels = new java.util.ArrayList<>();
        for (SecretLevel level : SecretLevel.values()) {
            if (level.compareTo(clearance) <= 0) {
                levels.add(level.name());
            }
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM doc_document d WHERE d.declassify_on <= :until "
                + "AND d.status IN ('REGISTERED', 'IN_CIRCULATION', 'CARRIED_OUT') AND d.level IN (:levels) "
                + "ORDER BY d.declassify_on, d.id LIMIT 500")
                .param("until", date(until)).param("levels", levels).param("now", ts(now))
                .query((rs, n) -> summary(rs)).list();
    }

    /** Changes the status when it still is the expected one; false when another change came first. */
    boolean changeStatus(long id, DocumentStatus from, DocumentStatus to, Instant now, long actorId) {
        return jdbc.sql("UPDATE doc_document SET status = :to, updated_at = :now, updated_by = :actor, "
                + "version = version + 1 WHERE id = :id AND status = :from")
                .param("to", to.name()).param("from", from.name()).param("now", ts(now)).param("actor", actorId)
                .param("id", id).update() == 1;
    }

    void event(long documentId, Instant at, Long actorId, String actorName, String action, String detail) {
        jdbc.sql("INSERT INTO doc_event (document_id, occurred_at, actor_id, actor_name, action, detail) "
                + "VALUES (:document, :at, :actor, :actorName, :action, :detail)")
                .param("document", documentId).param("at", ts(at)).param("actor", actorId)
                .param("actorName", actorName).param("action", action)
                .param("detail", detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
                .update();
    }

    List<DocumentEvent> history(long documentId) {
        return jdbc.sql("SELECT occurred_at, actor_name, action, detail FROM doc_event WHERE document_id = :id "
                + "ORDER BY occurred_at, id")
                .param("id", documentId)
                .query((rs, n) -> new DocumentEvent(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("detail")))
                .list();
    }

    static DocumentSummary summary(ResultSet rs) throws SQLException {
        ConfidentialityTerm term = new ConfidentialityTerm(PeriodKind.valueOf(rs.getString("period_kind")),
                (Integer) rs.getObject("period_years"), localDate(rs, "period_until"), rs.getString("period_condition"));
        return new DocumentSummary(rs.getLong("id"), rs.getString("serial_no"),
                Direction.valueOf(rs.getString("direction")), rs.getString("title"), rs.getString("doc_number"),
                rs.getString("originating_unit"), rs.getString("category_code"),
                SecretLevel.valueOf(rs.getString("level")), term, localDate(rs, "declassify_on"), rs.getInt("copies"),
                rs.getLong("custodian_id"), rs.getString("custodian_name"),
                DocumentStatus.valueOf(rs.getString("status")), localDate(rs, "registered_on"),
                rs.getBoolean("overdue"));
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
