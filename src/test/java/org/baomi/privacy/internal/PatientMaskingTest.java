package org.baomi.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientView;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** PAT-3: the one place where a record is cut to its purpose and identifiers are masked. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatientMaskingTest {

    // Beijing, Dongcheng district, a street and house number (Chinese kept out of Java source: I18nCompletenessTest)
    private static final String ADDRESS = "\u5317\u4eac\u5e02\u4e1c\u57ce\u533a\u4e1c\u76f4\u95e8\u5357\u5927\u8857"
            + "12-3-401";

    @Test
    void ID_numbers_keep_region_and_last_four_PAT_3() {
        assertThat(PatientMasking.idNumber("110101198002030012")).isEqualTo("1101**********0012");
        assertThat(PatientMasking.idNumber("11010519800203001X")).isEqualTo("1101**********001X");
        assertThat(PatientMasking.idNumber("1234")).isEqualTo("****");
        assertThat(PatientMasking.idNumber(null)).isNull();
    }

    @Test
    void phones_keep_prefix_and_last_four_PAT_3() {
        assertThat(PatientMasking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(PatientMasking.phone("12345")).isEqualTo("*****");
    }

    @Test
    void addresses_are_cut_to_the_district_PAT_3() {
        assertThat(PatientMasking.address(ADDRESS)).isEqualTo("\u5317\u4eac\u5e02\u4e1c\u57ce\u533a***")
                .doesNotContain("12-3-401");
        assertThat(PatientMasking.address("somewhere 12")).isEqualTo("***");
    }

    @Test
    void billing_sees_the_fee_list_but_not_the_diagnoses_PAT_3() {
        PatientView billing = PatientMasking.shape(full(), PatientPurpose.BILLING, false);
        assertThat(billing.chargesShown()).isTrue();
        assertThat(billing.charges()).hasSize(1);
        assertThat(billing.diagnosesShown()).isFalse();
        assertThat(billing.encounters()).singleElement().satisfies(e -> assertThat(e.diagnoses()).isEmpty());
        assertThat(billing.idNumber()).isEqualTo("1101**********0012");
        assertThat(billing.phone()).isEqualTo("138****5678");
        assertThat(billing.identifiersShown()).isFalse();
    }

    @Test
    void treatment_sees_diagnoses_and_identifiers_only_with_the_permission_PAT_3() {
        PatientView masked = PatientMasking.shape(full(), PatientPurpose.TREATMENT, false);
        PatientView open = PatientMasking.shape(full(), PatientPurpose.TREATMENT, true);
        assertThat(masked.encounters().get(0).diagnoses()).extracting(PatientView.Diagnosis::icd10)
                .containsExactly("I21.9");
        assertThat(masked.idNumber()).isEqualTo("1101**********0012");
        assertThat(open.idNumber()).isEqualTo("110101198002030012");
        assertThat(open.phone()).isEqualTo("13812345678");
        assertThat(open.address()).isEqualTo(ADDRESS);
    }

    private static PatientView full() {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        return new PatientView(1, "M1", "N", "FEMALE", LocalDate.of(1980, 2, 3), "110101198002030012", "13812345678",
                ADDRESS, true, List.of(), false, null, null,
                List.of(new PatientView.Encounter(7, "INPATIENT", 3, "D", "Dr", start, null,
                        List.of(new PatientView.Diagnosis("I21.9", "MI")))),
                true, List.of(new PatientView.Charge(7, "EXA001", "X", "EXAMINATION", BigDecimal.ONE,
                        BigDecimal.TEN, BigDecimal.TEN, LocalDate.of(2026, 11, 2))), true);
    }
}
