package org.baomi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streamed details of an audit entry (issue 3 speed work) are the very text data binding writes (AUD-1: the
 * record, its MAC and its chain hash are unchanged), for simple details and for everything else.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DetailsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void simple_details_are_written_as_data_binding_writes_them_AUD_1() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", 10234L);
        details.put("count", 3);
        details.put("small", (short) 7);
        details.put("negative", Long.MIN_VALUE);
        details.put("allowed", true);
        details.put("trail", "PERSON_ACTIVE ok; CLEARANCE \"secret\" \\ fail\n\t\u0001 \u79d8\u5bc6 \ud83d\ude00 </script>");
        details.put("decisions", List.of("1 READ patient:P-1 ALLOW access.allowed.CARE", "", "\u2028\u2029"));
        details.put("empty", List.of());

        assertThat(DetailsJson.write(json, details)).isEqualTo(json.writeValueAsString(details));
        assertThat(DetailsJson.write(json, Map.of())).isEqualTo("{}");
    }

    @Test
    void other_details_go_through_data_binding_unchanged_AUD_1() {
        List<Map<String, ?>> others = List.of(
                Map.of("amount", new BigDecimal("1.50")),
                Map.of("ratio", 0.25),
                Map.of("at", Instant.parse("2026-11-22T10:00:00Z").toString(), "nested", Map.of("a", 1)),
                Map.of("mixed", List.of("a", 1)));
        for (Map<String, ?> details : others) {
            assertThat(DetailsJson.write(json, details)).isEqualTo(json.writeValueAsString(details));
        }
        assertThat(DetailsJson.write(json, null)).isEqualTo(json.writeValueAsString(null));
    }
}
