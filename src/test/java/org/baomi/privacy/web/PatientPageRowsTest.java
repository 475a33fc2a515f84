package org.baomi.privacy.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientView;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.expression.Temporals;
import org.thymeleaf.expression.Numbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient page's rows are formatted in Java now (issue 6 page benchmark); they must read exactly as the
 * template's former {@code #temporals.format(..., 'yyyy-MM-dd HH:mm')}, {@code #numbers.formatDecimal(...)} and
 * {@code #{'privacy.class.' + ...}} did, so this compares with Thymeleaf's own utilities.
 */
class PatientPageRowsTest {

    private static final Locale EN = Locale.ENGLISH;

    @Test
    void rowsReadAsThymeleafFormattedThem() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("privacy.class.IMP", EN, "Inpatient");
        messages.addMessage("privacy.patient.open", EN, "open");
        messages.addMessage("privacy.category.DRUG", EN, "Drugs");
        Instant start = Instant.parse("2026-03-04T23:59:30Z");
        PatientView.Encounter open = new PatientView.Encounter(7, "IMP", 1, "Cardiology", "Dr A", start, null,
                List.of(new PatientView.Diagnosis("I10", "Hypertension")));
        PatientView.Encounter closed = new PatientView.Encounter(8, "XXX", 1, "Cardiology", null, start,
                start.plusSeconds(86_400 * 3), List.of());
        List<PatientView.Charge> charges = List.of(
                charge("1234567.125", "2", "DRUG"), charge("0.5", "1500", "DRUG"), charge("10.005", "3.5", "LAB"));
        PatientView patient = new PatientView(1, "MRN1", "N", "male", LocalDate.of(1970, 1, 1), "x", "y", "z", false,
                List.of(), false, null, PatientPurpose.TREATMENT, List.of(open, closed), true, charges, true);

        PatientPageRows rows = PatientPageRows.of(patient, messages, EN);

        Temporals temporals = new Temporals(EN, ZoneId.systemDefault());
        assertThat(rows.encounters()).extracting(PatientPageRows.EncounterRow::start)
                .containsExactly(temporals.format(start, "yyyy-MM-dd HH:mm"),
                        temporals.format(start, "yyyy-MM-dd HH:mm"));
        assertThat(rows.encounters().get(0).end()).isEqualTo("open");
        assertThat(rows.encounters().get(1).end()).isEqualTo(temporals.format(closed.end(), "yyyy-MM-dd HH:mm"));
        assertThat(rows.encounters().get(0).encounterClass()).isEqualTo("Inpatient");
        // a missing key reads as Thymeleaf shows one
        assertThat(rows.encounters().get(1).encounterClass()).isEqualTo("??privacy.class.XXX_en??");
        assertThat(rows.encounters().get(0).diagnoses()).isEqualTo(open.diagnoses());
        for (int i = 0; i < charges.size(); i++) {
            PatientView.Charge c = charges.get(i);
            PatientPageRows.ChargeRow row = rows.charges().get(i);
            assertThat(row.quantity()).isEqualTo(thymeleaf(c.quantity(), 0));
            assertThat(row.unitPrice()).isEqualTo(thymeleaf(c.unitPrice(), 2));
            assertThat(row.amount()).isEqualTo(thymeleaf(c.amount(), 2));
            assertThat(row.chargedOn()).isEqualTo(c.chargedOn().toString());
        }
        assertThat(rows.charges().get(0).category()).isEqualTo("Drugs");
        assertThat(rows.charges().get(0).unitPrice()).isEqualTo("1,234,567.12");
        assertThat(rows.charges().get(1).quantity()).isEqualTo("1,500");
        assertThat(rows.total()).isEqualTo(thymeleaf(patient.total(), 2));
    }

    private static PatientView.Charge charge(String unitPrice, String quantity, String category) {
        BigDecimal price = new BigDecimal(unitPrice);
        BigDecimal qty = new BigDecimal(quantity);
        return new PatientView.Charge(7, "C1", "Item", category, qty, price, price.multiply(qty),
                LocalDate.of(2026, 3, 5));
    }

    private static String thymeleaf(BigDecimal value, int decimals) {
        return new Numbers(EN).formatDecimal(value, 1, "COMMA", decimals, "POINT");
    }
}
