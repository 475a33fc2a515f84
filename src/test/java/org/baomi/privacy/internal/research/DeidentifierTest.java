package org.baomi.privacy.internal.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 6 item 3 (PAT-3): the generalisations and k-anonymity suppression of research exports. */
class DeidentifierTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void pseudonyms_are_stable_within_an_export_and_differ_across_keys() {
        Deidentifier one = new Deidentifier(key(1));
        Deidentifier two = new Deidentifier(key(2));
        assertThat(one.pseudonym(42)).isEqualTo(one.pseudonym(42)).hasSize(16).matches("[0-9a-f]{16}")
                .isNotEqualTo(one.pseudonym(43)).isNotEqualTo(two.pseudonym(42)).doesNotContain("42");
        assertThatThrownBy(() -> new Deidentifier(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void birth_years_go_to_five_year_bands_dates_to_months_addresses_to_cities() {
        assertThat(Deidentifier.birthBand(LocalDate.of(1983, 7, 9))).isEqualTo("1980-1984");
        assertThat(Deidentifier.birthBand(LocalDate.of(1985, 1, 1))).isEqualTo("1985-1989");
        assertThat(Deidentifier.month(LocalDate.of(2026, 11, 22))).isEqualTo("2026-11");
        assertThat(Deidentifier.city("\u5317\u4eac\u5e02\u671d\u9633\u533a\u5efa\u56fd\u8def 8 \u53f7"))
                .isEqualTo("\u5317\u4eac\u5e02");
        assertThat(Deidentifier.city("\u6cb3\u5317\u7701\u67d0\u53bf\u67d0\u6751")).isEqualTo("\u6cb3\u5317\u7701");
        assertThat(Deidentifier.city("Somewhere 12")).isEmpty();
        assertThat(Deidentifier.city(null)).isEmpty();
    }

    @Test
    void groups_smaller_than_k_are_suppressed_and_larger_ones_kept_whole() {
        List<ResearchExportService.Generalised> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(i, "FEMALE", "1980-1984", "2026-11"));
        }
        for (int i = 5; i < 9; i++) {
            rows.add(row(i, "MALE", "1980-1984", "2026-11"));
        }
        List<ResearchExportService.Generalised> kept = KAnonymity.suppress(rows, 5);
        assertThat(kept).hasSize(5).allMatch(g -> g.cells().get(1).equals("FEMALE"));
    }

    private static ResearchExportService.Generalised row(long patient, String gender, String band, String month) {
        return new ResearchExportService.Generalised(patient,
                List.of("p" + patient, gender, band, "C", "CARDIOLOGY", "INPATIENT", month, "", "I21.9"));
    }
}
