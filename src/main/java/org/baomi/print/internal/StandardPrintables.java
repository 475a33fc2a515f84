package org.baomi.print.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.baomi.print.CoverSheet;
import org.baomi.print.DestructionCertificate;
import org.baomi.print.PrintableDocument;
import org.baomi.print.PrintableDocument.Column;
import org.baomi.print.PrintableDocument.Field;
import org.baomi.print.PrintableDocument.Fields;
import org.baomi.print.PrintableDocument.SignatureLine;
import org.baomi.print.PrintableDocument.Signatures;
import org.baomi.print.PrintableDocument.Table;
import org.baomi.print.Printables;
import org.baomi.print.RegisterRow;
import org.baomi.print.TraceCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The confidentiality office's standard forms (DOC-1, DOC-7), with labels from {@code messages/print}. */
@Service
class StandardPrintables implements Printables {

    private final MessageSource messages;
    private final PrintableRenderer renderer;
    private final DateTimeFormatter times;

    StandardPrintables(MessageSource messages, PrintableRenderer renderer, Clock clock) {
        this.messages = messages;
        this.renderer = renderer;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    @Override
    public PrintableDocument coverSheet(CoverSheet sheet, TraceCode traceCode, Locale locale) {
        Labels l = new Labels(locale);
        String copies = sheet.copyNo() == null ? Integer.toString(sheet.copies())
                : l.get("print.cover.copy-of", Integer.toString(sheet.copyNo()), Integer.toString(sheet.copies()));
        Fields fields = new Fields(null, List.of(
                new Field(l.get("print.field.serial"), sheet.serialNo()),
                new Field(l.get("print.field.title"), sheet.title()),
                new Field(l.get("print.field.level"), sheet.levelMark()),
                new Field(l.get("print.field.origin"), sheet.originUnit()),
                new Field(l.get("print.field.copies"), copies),
                new Field(l.get("print.field.custodian"), sheet.custodian()),
                new Field(l.get("print.field.storage"), sheet.storagePlace()),
                new Field(l.get("print.field.registered-on"), date(sheet.registeredOn()))));
        return new PrintableDocument(l.get("print.cover.title"), sheet.levelMark(), false,
                List.of(fields, new PrintableDocument.Paragraph(l.get("print.cover.notice"))), traceCode, null,
                locale);
    }

    @Override
    public PrintableDocument registerPages(List<RegisterRow> rows, String levelMark, TraceCode traceCode,
            Locale locale) {
        Labels l = new Labels(locale);
        List<Column> columns = List.of(new Column(l.get("print.field.number"), 0.6f),
                new Column(l.get("print.field.serial"), 1.4f), new Column(l.get("print.field.registered-on"), 1.1f),
                new Column(l.get("print.field.origin"), 1.6f), new Column(l.get("print.field.title"), 3.2f),
                new Column(l.get("print.field.level"), 1.3f), new Column(l.get("print.field.copies"), 0.6f),
                new Column(l.get("print.field.custodian"), 1f), new Column(l.get("print.field.storage"), 1.3f),
                new Column(l.get("print.field.status"), 0.9f));
        List<List<String>> cells = new ArrayList<>(rows.size());
        int n = 0;
        for (RegisterRow r : rows) {
            cells.add(List.of(Integer.toString(++n), nn(r.serialNo()), date(r.registeredOn()), nn(r.originUnit()),
                    nn(r.title()), nn(r.levelMark()), Integer.toString(r.copies()), nn(r.custodian()),
                    nn(r.storagePlace()), nn(r.status())));
        }
        return new PrintableDocument(l.get("print.register.title"), levelMark, true,
                List.of(new Table(null, columns, cells)), traceCode, null, locale);
    }

    @Override
    public PrintableDocument destructionCertificate(DestructionCertificate c, TraceCode traceCode, Locale locale) {
        Labels l = new Labels(locale);
        String when = times.format(c.destroyedAt());
        Fields facts = new Fields(null, List.of(
                new Field(l.get("print.destruction.number"), c.certificateNo()),
                new Field(l.get("print.destruction.approval"), c.approvalNo()),
                new Field(l.get("print.destruction.method"), c.method()),
                new Field(l.get("print.destruction.place"), c.place()),
                new Field(l.get("print.destruction.time"), when)));
        List<List<String>> items = new ArrayList<>();
        int n = 0;
        for (DestructionCertificate.Item item : c.items()) {
            items.add(List.of(Integer.toString(++n), nn(item.serialNo()), nn(item.title()), nn(item.levelMark()),
                    Integer.toString(item.copies())));
        }
        Table table = new Table(l.get("print.destruction.items"), List.of(
                new Column(l.get("print.field.number"), 0.5f), new Column(l.get("print.field.serial"), 1.4f),
                new Column(l.get("print.field.title"), 3.4f), new Column(l.get("print.field.level"), 1.3f),
                new Column(l.get("print.field.copies"), 0.7f)), items);
        // DOC-7: two different named people, one performing, one confirming (两人监销)
        Signatures signatures = new Signatures(l.get("print.destruction.signatures"), List.of(
                new SignatureLine(l.get("print.destruction.performed-by"), c.performedBy(), when),
                new SignatureLine(l.get("print.destruction.confirmed-by"), c.confirmedBy(), when)));
        String mark = c.items().stream().map(DestructionCertificate.Item::levelMark).filter(m -> m != null)
                .findFirst().orElse(null);
        return new PrintableDocument(l.get("print.destruction.title"), mark, false,
                List.of(facts, table, new PrintableDocument.Paragraph(l.get("print.destruction.statement")),
                        signatures), traceCode, null, locale);
    }

    @Override
    public void render(PrintableDocument document, OutputStream out) {
        renderer.render(document, out);
    }

    private static String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** Labels in one language. */
    private final class Labels {
        private final Locale locale;

        Labels(Locale locale) {
            this.locale = locale;
        }

        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }
    }
}
