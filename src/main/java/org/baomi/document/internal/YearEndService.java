package org.baomi.document.internal;

import static org.baomi.document.internal.DocumentStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentYearEndReturn;
import org.baomi.document.ReturnItem;
import org.baomi.document.ReturnProgress;
import org.baomi.iam.CsvExport;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOC-6: the year-end return. Opening takes a snapshot in one statement per kind, so the list is exactly what was out
 * at that moment; confirming an item performs the return through the same stores as the everyday flows (DOC-3..5),
 * so the register and the access point agree with the campaign.
 */
@Service
class YearEndService implements DocumentYearEndReturn {

    static final String OBJECT_TYPE = "document-return";

    private static final String ITEM = "SELECT i.id, i.campaign_id, i.kind, i.ref_id, i.document_id, d.serial_no, "
            + "d.title, i.holder_id, i.holder_name, i.department_id, i.custodian_id, i.confirmed_at "
            + "FROM doc_return_item i JOIN doc_document d ON d.id = i.document_id ";

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final CopyStore copies;
    private final CirculationStore circulations;
    private final ProtectedObjects objects;
    private final StaffLookup staff;
    private final PermissionGuard guard;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    YearEndService(JdbcClient jdbc, DocumentStore documents, CopyStore copies, CirculationStore circulations,
            ProtectedObjects objects, StaffLookup staff, PermissionGuard guard, CurrentUser currentUser,
            MessageSource messages, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.copies = copies;
        this.circulations = circulations;
        this.objects = objects;
        this.staff = staff;
        this.guard = guard;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    private record Item(ReturnItem view, long refId) {
    }

    @Override
    @Transactional
    public long open(int year) {
        StaffPrincipal officer = guard.require(DocumentPermissions.REGISTER_MANAGE);
        if (year < 2000 || year > 2100) {
            throw BaomiException.invalid("document.year-end.error.year");
        }
        Instant now = clock.instant();
        Long id = jdbc.sql("INSERT INTO doc_return_campaign (year, opened_by, opened_by_name, opened_at) "
                + "VALUES (:year, :by, :name, :at) ON CONFLICT (year) DO NOTHING RETURNING id")
                .param("year", year).param("by", officer.accountId()).param("name", officer.fullName())
                .param("at", ts(now)).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw BaomiException.conflict("document.year-end.error.exists");
        }
        String insert = "INSERT INTO doc_return_item (campaign_id, kind, ref_id, document_id, holder_id, holder_name, "
                + "custodian_id) ";
        int items = jdbc.sql(insert + "SELECT :campaign, 'CIRCULATION', r.id, c.document_id, r.reader_id, "
                + "r.reader_name, c.custodian_id FROM doc_circulation_reader r JOIN doc_circulation c "
                + "ON c.id = r.circulation_id WHERE c.returned_at IS NULL AND r.sent_at IS NOT NULL "
                + "AND r.released_at IS NULL").param("campaign", id).update();
        items += jdbc.sql(insert + "SELECT :campaign, 'COPY', k.id, k.document_id, k.holder_id, k.holder_name, "
                + "d.custodian_id FROM doc_copy k JOIN doc_document d ON d.id = k.document_id "
                + "WHERE k.status = 'MADE'").param("campaign", id).update();
        items += jdbc.sql(insert + "SELECT :campaign, 'CARRY_OUT', o.id, o.document_id, o.holder_id, o.holder_name, "
                + "d.custodian_id FROM doc_carry_out o JOIN doc_document d ON d.id = o.document_id "
                + "WHERE o.returned_at IS NULL").param("campaign", id).update();
        // the holder's department comes from the directory (iam's tables are not ours to join)
        Map<Long, Long> departments = new HashMap<>();
        for (long holder : jdbc.sql("SELECT DISTINCT holder_id FROM doc_return_item WHERE campaign_id = :c")
                .param("c", id).query(Long.class).list()) {
            Long department = staff.activeById(holder).map(StaffPrincipal::departmentId).orElse(null);
            departments.put(holder, department);
            jdbc.sql("UPDATE doc_return_item SET department_id = :d WHERE campaign_id = :c AND holder_id = :h")
                    .param("d", department).param("c", id).param("h", holder).update();
        }
        audit.record(AuditEntry.allowed("document.year-end.opened", OBJECT_TYPE, id,
                Map.of("year", year, "items", items, "holders", departments.size())));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.OptionalLong campaignOf(int year) {
        guard.require(DocumentPermissions.REGISTER_MANAGE);
        return jdbc.sql("SELECT id FROM doc_return_campaign WHERE year = :year").param("year", year)
                .query(Long.class).optional().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    @Override
    @Transactional
    public List<ReturnItem> items(long campaignId) {
        guard.require(DocumentPermissions.REGISTER_MANAGE);
        requireCampaign(campaignId);
        List<ReturnItem> items = items(campaignId, null);
        audit.record(AuditEntry.allowed("document.year-end.listed", OBJECT_TYPE, campaignId,
                Map.of("rows", items.size())));
        return items;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReturnProgress> progress(long campaignId) {
        guard.require(DocumentPermissions.REGISTER_MANAGE);
        requireCampaign(campaignId);
        return jdbc.sql("SELECT department_id, count(*) AS items, count(confirmed_at) AS returned "
                + "FROM doc_return_item WHERE campaign_id = :c GROUP BY department_id "
                + "ORDER BY department_id NULLS LAST")
                .param("c", campaignId)
                .query((rs, n) -> new ReturnProgress(nullable(rs, "department_id"), rs.getInt("items"),
                        rs.getInt("returned"))).list();
    }

    @Override
    @Transactional
    public CsvExport export(long campaignId, Locale locale) {
        guard.require(DocumentPermissions.REGISTER_MANAGE);
        int year = requireCampaign(campaignId);
        List<ReturnItem> items = items(campaignId, null);
        CsvWriter csv = new CsvWriter();
        csv.line(text("document.field.serialNo", locale), text("document.year-end.field.kind", locale),
                text("document.year-end.field.holder", locale), text("document.year-end.field.department", locale),
                text("document.year-end.field.returned", locale));
        for (ReturnItem i : items) {
            csv.line(i.serialNo(), text(i.kindKey(), locale), i.holderName(),
                    i.departmentId() == null ? "" : i.departmentId().toString(),
                    i.confirmedAt() == null ? "" : i.confirmedAt().toString());
        }
        audit.record(AuditEntry.allowed("document.year-end.exported", OBJECT_TYPE, campaignId,
                Map.of("rows", items.size())));
        return new CsvExport("year-end-return-" + year + ".csv", csv.toBytes(), items.size());
    }

    @Override
    @Transactional
    public List<ReturnItem> toConfirm() {
        StaffPrincipal custodian = currentUser.require();
        List<ReturnItem> items = jdbc.sql(ITEM + "WHERE i.custodian_id = :me AND i.confirmed_at IS NULL "
                + "ORDER BY i.campaign_id, i.holder_name, d.serial_no, i.id LIMIT 500")
                .param("me", custodian.accountId()).query((rs, n) -> item(rs).view()).list();
        if (!items.isEmpty()) {
            audit.record(AuditEntry.allowed("document.year-end.listed", OBJECT_TYPE, "custodian",
                    Map.of("rows", items.size(), "custodianId", custodian.accountId())));
        }
        return items;
    }

    @Override
    @Transactional
    public void confirmReturn(long itemId) {
        StaffPrincipal custodian = currentUser.require();
        Item item = jdbc.sql(ITEM + "WHERE i.id = :id FOR UPDATE OF i").param("id", itemId)
                .query((rs, n) -> item(rs)).optional()
                .orElseThrow(() -> BaomiException.notFound("document.year-end.error.not-found"));
        ReturnItem view = item.view();
        DocumentStore.Row row = documents.find(view.documentId(), clock.instant()).orElseThrow();
        if (row.summary().custodianId() != custodian.accountId()) {
            audit.recordIndependently(new AuditEntry(null, "document.year-end.refused", ResourceRef.DOCUMENT,
                    Long.toString(view.documentId()), row.summary().level(), AuditOutcome.DENIED,
                    "document.error.not-custodian", Map.of("itemId", itemId)));
            throw BaomiException.forbidden("document.error.not-custodian");
        }
        if (view.confirmedAt() != null) {
            throw BaomiException.conflict("document.error.already-returned");
        }
        Instant now = clock.instant();
        switch (view.kind()) {
            case "COPY" -> copies.markReturned(item.refId(), now, custodian.accountId());
            case "CARRY_OUT" -> {
                copies.carryOutReturned(item.refId(), now, custodian.accountId());
                if (copies.openCarryOuts(view.documentId()) == 0) {
                    documents.changeStatus(view.documentId(), DocumentStatus.CARRIED_OUT, DocumentStatus.REGISTERED,
                            now, custodian.accountId());
                }
            }
            default -> {
                long circulationId = jdbc.sql("SELECT circulation_id FROM doc_circulation_reader WHERE id = :id")
                        .param("id", item.refId()).query(Long.class).single();
                circulations.release(circulationId, view.holderId(), now);
                objects.setDistribution(ResourceRef.document(Long.toString(view.documentId())),
                        circulations.holders(view.documentId()));
            }
        }
        jdbc.sql("UPDATE doc_return_item SET confirmed_at = :at, confirmed_by = :by WHERE id = :id")
                .param("at", ts(now)).param("by", custodian.accountId()).param("id", itemId).update();
        documents.event(view.documentId(), now, custodian.accountId(), custodian.fullName(), "year-end-returned",
                view.holderName());
        audit.record(AuditEntry.allowed("document.year-end.returned", ResourceRef.DOCUMENT, view.documentId(),
                Map.of("itemId", itemId, "kind", view.kind(), "holderId", view.holderId()))
                .withLevel(row.summary().level()));
    }

    @Override
    @Transactional(readOnly = true)
    public int outstandingItemsOf(long personId) {
        return jdbc.sql("SELECT (SELECT count(*) FROM doc_circulation_reader r JOIN doc_circulation c "
                + "ON c.id = r.circulation_id WHERE r.reader_id = :p AND c.returned_at IS NULL "
                + "AND r.sent_at IS NOT NULL AND r.released_at IS NULL) "
                + "+ (SELECT count(*) FROM doc_copy WHERE holder_id = :p AND status = 'MADE') "
                + "+ (SELECT count(*) FROM doc_carry_out WHERE holder_id = :p AND returned_at IS NULL)")
                .param("p", personId).query(Integer.class).single();
    }

    /** Items of a campaign, optionally of one holder, by department, holder and serial. */
    List<ReturnItem> items(long campaignId, Long holderId) {
        return jdbc.sql(ITEM + "WHERE i.campaign_id = :c AND (CAST(:h AS BIGINT) IS NULL OR i.holder_id = :h) "
                + "ORDER BY i.department_id NULLS LAST, i.holder_name, d.serial_no, i.id")
                .param("c", campaignId).param("h", holderId).query((rs, n) -> item(rs).view()).list();
    }

    /** The campaign's year. */
    private int requireCampaign(long campaignId) {
        Optional<Integer> year = jdbc.sql("SELECT year FROM doc_return_campaign WHERE id = :id").param("id", campaignId)
                .query(Integer.class).optional();
        return year.orElseThrow(() -> BaomiException.notFound("document.year-end.error.not-found"));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static Item item(ResultSet rs) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Item(new ReturnItem(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("kind"),
                rs.getLong("document_id"), rs.getString("serial_no"), rs.getString("title"), rs.getLong("holder_id"),
                rs.getString("holder_name"), nullable(rs, "department_id"), rs.getLong("custodian_id"),
                confirmed == null ? null : confirmed.toInstant()), rs.getLong("ref_id"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
