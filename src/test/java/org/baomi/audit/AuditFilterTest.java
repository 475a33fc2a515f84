package org.baomi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.baomi.shared.BaomiException;
import org.junit.jupiter.api.Test;

/** The console's filter and keyset cursor refuse what they cannot use, with a message key (AUD-2). */
class AuditFilterTest {

    @Test
    void aCursorSurvivesItsTextAndKeepsMicroseconds() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-22T08:15:30.123456789Z"), 42);

        AuditCursor back = AuditCursor.parse(cursor.text());

        assertThat(back).isEqualTo(cursor);
        assertThat(back.occurredAt()).isEqualTo(Instant.parse("2026-11-22T08:15:30.123456Z"));
    }

    @Test
    void anythingButACursorsTextIsRefused() {
        for (String junk : new String[] {"", "abc", "1_", "_1", "1_2_3", "1'; DROP TABLE aud_entry; --_1",
                "99999999999999999999_1", "1_99999999999999999999"}) {
            assertThatThrownBy(() -> AuditCursor.parse(junk)).as(junk).isInstanceOfSatisfying(BaomiException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("audit.filter.error.cursor"));
        }
    }

    @Test
    void anObjectIdNeedsItsTypeAndActionsAndTypesAreCodesNotPatterns() {
        assertRefused(() -> new AuditFilter(null, null, null, null, null, null, null, null, null, "7", null, null),
                "audit.filter.error.object-type-required");
        assertRefused(() -> new AuditFilter(null, null, null, "iam.%", null, null, null, null, null, null, null, null),
                "audit.filter.error.action-invalid");
        assertRefused(() -> new AuditFilter(null, null, null, null, null, null, null, null, "Doc ument", "7", null, null),
                "audit.filter.error.object-type-invalid");
        assertRefused(() -> new AuditFilter(null, null, null, null, null, null, 0L, null, null, null, null, null),
                "audit.filter.error.person-invalid");
        assertRefused(() -> new AuditFilter(null, null, null, null, null, null, null, null, null, null,
                "P\u0000", null), "audit.filter.error.patient-invalid");
        assertRefused(() -> new AuditFilter(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
                null, null, null, null, null, null, null, null, null, null), "audit.filter.error.range");
    }

    @Test
    void blankValuesMeanNoFilterAndTheDescriptionNamesOnlyWhatIsSet() {
        AuditFilter filter = new AuditFilter(null, null, null, " ", null, null, 5L, "", "document", "D-1", "  ", null);

        assertThat(filter.actionPrefix()).isNull();
        assertThat(filter.patientId()).isNull();
        assertThat(filter.describe()).containsOnlyKeys("actorId", "objectType", "objectId");
    }

    private static void assertRefused(Runnable make, String key) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
