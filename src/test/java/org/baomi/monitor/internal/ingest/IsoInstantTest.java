package org.baomi.monitor.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written fast path of the ingest's time check (issue 7 item 1) never answers differently from
 * {@code ISO_OFFSET_DATE_TIME}: it gives the same instant, or null to let the formatter decide.
 */
class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T08:15:30+08:00", "2026-11-20T00:15:30Z", "2026-11-20T08:15:30.1+08:00",
        "2026-11-20T08:15:30.123456789-05:30", "2026-11-20T08:15:30.000001Z", "2024-02-29T23:59:59+14:00",
        "2000-01-01T00:00:00-18:00", "1999-12-31T23:59:59+18:00", "2026-11-20T08:15:30-00:00"})
    void common_shapes_give_the_formatters_instant(String text) {
        assertThat(IsoInstant.parse(text)).isNotNull().isEqualTo(formatter(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T08:15:30+08:00", "2025-02-29T08:15:30Z", "2026-11-20T24:00:00Z",
        "2026-11-20T08:60:00Z", "2026-11-20T08:15:60Z", "2026-13-01T08:15:30Z", "2026-11-20T08:15:30+19:00",
        "2026-11-20T08:15:30.Z", "2026-11-20T08:15:30.1234567890Z", "2026-11-20T08:15:30", "2026-11-20 08:15:30Z",
        "2026-11-20t08:15:30z", "2026-11-20T08:15+08:00", "2026-11-20T08:15:30+0800", "2026-11-20T08:15:30+08:00:00",
        "20261-11-20T08:15:30Z", "2026-11-20T08:15:30+08:00x", "\uFF12\uFF10\uFF12\uFF16-11-20T08:15:30Z",
        "not a time at all!!"})
    void anything_else_is_left_to_the_formatter(String text) {
        assertThat(IsoInstant.parse(text)).isNull();
    }

    @Test
    void random_times_and_offsets_agree_with_the_formatter() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(946_684_800L + random.nextLong(1_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(72) - 36) * 1800);
            String text = at.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(at);
        }
    }

    private static Instant formatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
