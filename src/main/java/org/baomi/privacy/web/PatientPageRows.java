package org.baomi.privacy.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.privacy.PatientView;
import org.springframework.context.MessageSource;

/**
 * The display strings of a patient page's encounter and fee list rows, computed once per page in Java instead of
 * one message look-up and one formatting call per table cell in the template (issue 6 page benchmark: Thymeleaf's
 * per-cell expressions were the largest CPU cost). Shows exactly what the template showed before: labels from the
 * same message keys (looked up once per distinct value), times as {@code yyyy-MM-dd HH:mm} in the JVM's default
 * zone (as Thymeleaf's {@code #temporals}), amounts as {@code #,##0.00} with comma and point whatever the locale
 * (as {@code #numbers.formatDecimal(x, 1, 'COMMA', 2, 'POINT')}). Masking and what is shown were decided by the
 * module (PAT-3); this only formats the {@link PatientView} it is given. Public (in the web package) only so that
 * Thymeleaf's compiled SpEL may call its accessors directly.
 */
public record PatientPageRows(List<EncounterRow> encounters, List<ChargeRow> charges, String total) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An encounter row; {@code end} is the "still open" label when the encounter has not ended. */
    public record EncounterRow(long id, String encounterClass, String department, String attending, String start,
            String end, List<PatientView.Diagnosis> diagnoses) {
    }

    /** A fee list row. */
    public record ChargeRow(String chargedOn, String itemCode, String itemName, String category, String quantity,
            String unitPrice, String amount) {
    }

    static PatientPageRows of(PatientView patient, MessageSource messages, Locale locale) {
        Labels labels = new Labels(messages, locale);
        DateTimeFormatter minutes = MINUTES.withZone(ZoneId.systemDefault());
        List<EncounterRow> encounters = new ArrayList<>(patient.encounters().size());
        for (PatientView.Encounter e : patient.encounters()) {
            encounters.add(new EncounterRow(e.id(), labels.of("privacy.class.", e.encounterClass()), e.department(),
                    e.attending(), time(minutes, e.start()),
                    e.end() == null ? labels.of("privacy.patient.open", "") : time(minutes, e.end()),
                    e.diagnoses()));
        }
        DecimalFormat whole = decimal("#,##0");
        DecimalFormat money = decimal("#,##0.00");
        List<ChargeRow> charges = new ArrayList<>(patient.charges().size());
        for (PatientView.Charge c : patient.charges()) {
            charges.add(new ChargeRow(c.chargedOn() == null ? null : c.chargedOn().toString(), c.itemCode(),
                    c.itemName(), labels.of("privacy.category.", c.category()), format(whole, c.quantity()),
                    format(money, c.unitPrice()), format(money, c.amount())));
        }
        return new PatientPageRows(encounters, charges, format(money, patient.total()));
    }

    private static String time(DateTimeFormatter format, Instant instant) {
        return instant == null ? null : format.format(instant);
    }

    private static DecimalFormat decimal(String pattern) {
        // DecimalFormat is not thread-safe: one per page; HALF_EVEN as Thymeleaf's #numbers
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static String format(DecimalFormat format, BigDecimal value) {
        return value == null ? null : format.format(value);
    }

    /** Message look-ups of one page, once per key; a missing key shows as Thymeleaf shows it. */
    private static final class Labels {
        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, String> cache = new HashMap<>();

        Labels(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        String of(String prefix, String value) {
            return cache.computeIfAbsent(prefix + value,
                    key -> messages.getMessage(key, null, "??" + key + "_" + locale + "??", locale));
        }
    }
}
