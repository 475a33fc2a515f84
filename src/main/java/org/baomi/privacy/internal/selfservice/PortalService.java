package org.baomi.privacy.internal.selfservice;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.print.PrintableDocument;
import org.baomi.print.Printables;
import org.baomi.print.TraceCode;
import org.baomi.print.Watermark;
import org.baomi.privacy.DisclosureReport;
import org.baomi.privacy.SelfServiceFees;
import org.baomi.privacy.SelfServicePortal;
import org.baomi.privacy.SelfServicePrint;
import org.baomi.shared.BaomiException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-5: the signed-in patient's own fee lists, their print, and the accounting of disclosures. The patient is
 * always the session's (IDOR: an encounter id of another patient is "not found"); every view and print is audited
 * with the patient id and the patient as actor.
 */
@Service
class PortalService implements SelfServicePortal {

    private static final int TRACE_ATTEMPTS = 5;

    private final SelfServiceSessions sessions;
    private final SelfServiceStore store;
    private final FeeLists feeLists;
    private final Disclosures disclosures;
    private final Printables printables;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PortalService(SelfServiceSessions sessions, SelfServiceStore store, FeeLists feeLists, Disclosures disclosures,
            Printables printables, MessageSource messages, AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.feeLists = feeLists;
        this.disclosures = disclosures;
        this.printables = printables;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SelfServiceFees fees(String token) {
        SelfServiceSessions.Active active = sessions.require(token);
        SelfServiceFees fees = feeLists.of(active.patient(), LocaleContextHolder.getLocale());
        record(active, "privacy.self.fee-list.viewed", "all", Map.of("encounters", fees.encounters().size()));
        return fees;
    }

    @Override
    @Transactional
    public SelfServiceFees.Encounter encounter(String token, long encounterId) {
        SelfServiceSessions.Active active = sessions.require(token);
        SelfServiceFees.Encounter encounter = own(feeLists.of(active.patient(), LocaleContextHolder.getLocale()),
                encounterId);
        record(active, "privacy.self.fee-list.viewed", Long.toString(encounterId),
                Map.of("encounterId", encounterId, "lines", encounter.charges().size()));
        return encounter;
    }

    @Override
    @Transactional
    public SelfServicePrint print(String token, Long encounterId) {
        SelfServiceSessions.Active active = sessions.require(token);
        Locale locale = LocaleContextHolder.getLocale();
        SelfServiceFees fees = feeLists.of(active.patient(), locale);
        List<SelfServiceFees.Encounter> printed = encounterId == null ? fees.encounters()
                : List.of(own(fees, encounterId));
        Instant now = clock.instant();
        TraceCode trace = null;
        for (int i = 0; i < TRACE_ATTEMPTS && trace == null; i++) {
            TraceCode candidate = TraceCode.random(random);
            if (store.insertPrint(candidate.value(), active.patient().id(), active.sessionId(), encounterId, now)) {
                trace = candidate;
            }
        }
        if (trace == null) {
            throw new IllegalStateException("no free trace code after " + TRACE_ATTEMPTS + " attempts");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("traceCode", trace.value());
        details.put("encounters", printed.stream().map(SelfServiceFees.Encounter::id).toList());
        record(active, "privacy.self.fee-list.printed", encounterId == null ? "all" : encounterId.toString(),
                details);
        PrintableDocument document = document(fees, printed, trace, now, locale)
                .withWatermark(new Watermark(active.patient().name(), active.patient().mrn(), now, trace, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        printables.render(document, out);
        String name = "fee-list-" + active.patient().mrn() + (encounterId == null ? "" : "-" + encounterId) + ".pdf";
        return new SelfServicePrint(name, out.toByteArray(), trace.display());
    }

    @Override
    @Transactional
    public DisclosureReport disclosures(String token, LocalDate from, LocalDate to) {
        SelfServiceSessions.Active active = sessions.require(token);
        if (from != null && to != null && to.isBefore(from)) {
            throw BaomiException.invalid("privacy-self.disclosures.error.dates");
        }
        DisclosureReport report = disclosures.of(active.patient().id(), from, to);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from == null ? null : from.toString());
        details.put("to", to == null ? null : to.toString());
        details.put("count", report.entries().size());
        details.values().removeIf(java.util.Objects::isNull);
        record(active, "privacy.self.disclosures.viewed", "disclosures", details);
        return report;
    }

    private static SelfServiceFees.Encounter own(SelfServiceFees fees, long encounterId) {
        return fees.encounters().stream().filter(e -> e.id() == encounterId).findFirst()
                .orElseThrow(() -> BaomiException.notFound("privacy-self.fees.not-found"));
    }

    private void record(SelfServiceSessions.Active active, String action, String objectId, Map<String, ?> details) {
        audit.record(new AuditEntry(active.actor(), action, "fee-list", objectId, null, AuditOutcome.ALLOWED, null,
                details).withPatient(Long.toString(active.patient().id())));
    }

    private PrintableDocument document(SelfServiceFees fees, List<SelfServiceFees.Encounter> printed,
            TraceCode trace, Instant now, Locale locale) {
        ZoneId zone = clock.getZone();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        DateTimeFormatter days = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        List<PrintableDocument.Block> blocks = new ArrayList<>();
        blocks.add(new PrintableDocument.Fields(null, List.of(
                new PrintableDocument.Field(text("privacy-self.print.patient", locale), fees.patientName()),
                new PrintableDocument.Field(text("privacy-self.print.mrn", locale), fees.mrn()),
                new PrintableDocument.Field(text("privacy-self.print.printed-at", locale), minutes.format(now)))));
        List<PrintableDocument.Column> columns = List.of(
                new PrintableDocument.Column(text("privacy-self.fees.date", locale), 2),
                new PrintableDocument.Column(text("privacy-self.fees.item", locale), 5),
                new PrintableDocument.Column(text("privacy-self.fees.category", locale), 2),
                new PrintableDocument.Column(text("privacy-self.fees.quantity", locale), 1.5f),
                new PrintableDocument.Column(text("privacy-self.fees.unit-price", locale), 2),
                new PrintableDocument.Column(text("privacy-self.fees.amount", locale), 2));
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (SelfServiceFees.Encounter e : printed) {
            List<List<String>> rows = e.charges().stream().map(c -> List.of(c.date().toString(), c.itemName(),
                    text("privacy.category." + c.category(), locale), c.quantity().stripTrailingZeros()
                            .toPlainString(), c.unitPrice().toPlainString(), c.amount().toPlainString())).toList();
            String heading = text("privacy-self.print.heading", locale,
                    text("privacy.class." + e.encounterClass(), locale), e.department(),
                    days.format(e.start()) + (e.end() == null ? "" : " - " + days.format(e.end())));
            blocks.add(new PrintableDocument.Table(heading, columns, rows));
            blocks.add(new PrintableDocument.Paragraph(text("privacy-self.fees.encounter-total", locale,
                    e.total().toPlainString())));
            total = total.add(e.total());
        }
        blocks.add(new PrintableDocument.Paragraph(text("privacy-self.fees.total", locale, total.toPlainString())));
        return new PrintableDocument(text("privacy-self.print.title", locale), null, false, blocks, trace, null,
                locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
