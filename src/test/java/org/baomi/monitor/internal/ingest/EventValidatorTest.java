package org.baomi.monitor.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.FieldProblem;
import org.junit.jupiter.api.Test;

/**
 * The idempotency key of an access event (issue 7 item 1, AUD-2): the source's event id when sent, else 128 bits of
 * SHA-256 over the event's content, the instant taken rather than its text.
 */
class EventValidatorTest {

    private final EventValidator validator = new EventValidator(
            Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void content_key_is_128_bits_of_sha256_and_ignores_the_offset_written() {
        String utc = key(event("2026-11-20T00:15:30.5Z", "CARDIOLOGY", null));
        String beijing = key(event("2026-11-20T08:15:30.500+08:00", "CARDIOLOGY", null));
        assertThat(utc).matches("h:[A-Za-z0-9_-]{22}").isEqualTo(beijing);
    }

    @Test
    void any_other_content_gives_another_key() {
        String base = key(event("2026-11-20T00:15:30Z", "CARDIOLOGY", null));
        assertThat(key(event("2026-11-20T00:15:31Z", "CARDIOLOGY", null))).isNotEqualTo(base);
        assertThat(key(event("2026-11-20T00:15:30.000001Z", "CARDIOLOGY", null))).isNotEqualTo(base);
        assertThat(key(event("2026-11-20T00:15:30Z", "NEUROLOGY", null))).isNotEqualTo(base);
        assertThat(key(event("2026-11-20T00:15:30Z", null, null))).isNotEqualTo(base);
    }

    @Test
    void the_sources_event_id_is_the_key_when_sent() {
        assertThat(key(event("2026-11-20T00:15:30Z", "CARDIOLOGY", "E-17"))).isEqualTo("id:E-17");
    }

    private String key(RawItem item) {
        List<FieldProblem> problems = new ArrayList<>();
        AccessEventRow row = validator.batch("EMR-TEST").check(item, EventValidator.FIELDS, problems);
        assertThat(problems).isEmpty();
        return row.key;
    }

    private static RawItem event(String time, String department, String eventId) {
        String[] values = new String[EventValidator.FIELDS.length];
        values[EventValidator.TIME] = time;
        values[EventValidator.USER] = "H0079";
        values[EventValidator.PATIENT] = "M00000001";
        values[EventValidator.ACTION] = "read";
        values[EventValidator.WORKSTATION] = "WS-1";
        values[EventValidator.DEPARTMENT] = department;
        values[EventValidator.EVENT_ID] = eventId;
        return new RawItem(0, 1, values, new ArrayList<>());
    }
}
