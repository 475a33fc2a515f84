package org.baomi.document.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentSummary;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Register searches. Each criterion adds a fixed, parameterised condition; nothing of the request reaches the SQL
 * text. The reader's clearance bounds the levels listed (CLS-1: no titles above one's clearance).
 */
@Component
class DocumentSearch {

    private final JdbcClient jdbc;

    DocumentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of matches and the number of all matches. */
    record Found(List<DocumentSummary> rows, long total) {
    }

    Found find(DocumentFilter filter, SecretLevel clearance, LocalDate today, Instant now, int offset, int limit,
            boolean count) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> levels = new ArrayList<>();
        for (SecretLevel level : SecretLevel.values()) {
            if (clearance.atLeast(level)) {
                levels.add(level.name());
            }
        }
        where.add("d.level IN (:levels)");
        params.put("levels", levels);
        if (filter.query() != null && !filter.query().isBlank()) {
            String query = clip(filter.query().strip());
            // the expression of the index doc_document_grams_idx: candidates by character pairs, then the ILIKE
            if (query.length() >= 2) {
                where.add("doc_grams(d.title || ' ' || coalesce(d.doc_number, '') || ' ' || d.serial_no) "
                        + "@> doc_grams(:raw)");
                params.put("raw", query);
            }
            where.add("(d.title || ' ' || coalesce(d.doc_number, '') || ' ' || d.serial_no) ILIKE :q ESCAPE '\\'");
            params.put("q", "%" + escape(query) + "%");
        }
        if (filter.level() != null) {
            where.add("d.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.categoryCode() != null && !filter.categoryCode().isBlank()) {
            where.add("d.category_code = :category");
            params.put("category", filter.categoryCode().strip());
        }
        if (filter.custodianId() != null) {
            where.add("d.custodian_id = :custodian");
            params.put("custodian", filter.custodianId());
        }
        if (filter.status() != null) {
            where.add("d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.direction() != null) {
            where.add("d.direction = :direction");
            params.put("direction", filter.direction().name());
        }
        if (filter.dueWithinDays() != null) {
            where.add("d.declassify_on <= :dueBy AND d.status NOT IN ('DECLASSIFIED', 'DESTROYED')");
            params.put("dueBy", DocumentStore.date(today.plusDays(filter.dueWithinDays())));
        }
        if (filter.overdueOnly()) {
            where.add("EXISTS (SELECT 1 FROM doc_circulation c WHERE c.document_id = d.id AND c.returned_at IS NULL "
                    + "AND c.due_at < :now)");
        }
        params.put("now", DocumentStore.ts(now));
        String condition = String.join(" AND ", where);
        List<DocumentSummary> rows = jdbc.sql("SELECT " + DocumentStore.COLUMNS + " FROM doc_document d WHERE "
                + condition + " ORDER BY d.registered_on DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> DocumentStore.summary(rs)).list();
        long total = rows.size();
        if (count && (offset > 0 || rows.size() == limit)) {
            total = jdbc.sql("SELECT count(*) FROM doc_document d WHERE " + condition).params(params)
                    .query(Long.class).single();
        } else {
            total = offset + rows.size();
        }
        return new Found(rows, total);
    }

    private static String clip(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
