package org.baomi.monitor.internal.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baomi.iam.FieldProblem;
import org.baomi.monitor.AccessEventIngest;
import org.springframework.stereotype.Component;

/**
 * Validates one raw access event (issue 7 item 1) and gives it its idempotency key: the source's event id when
 * sent, else a SHA-256 digest of its content, so that the same event sent twice, by the same system, is stored once
 * (also when a retry writes the time with another offset: the digest takes the instant).
 */
@Component
class EventValidator {

    /** Field order of the raw items; the JSON names are those of the API. */
    static final String[] FIELDS = {"time", "user", "patient", "action", "sourceSystem", "workstation", "department",
        "eventId"};
    static final int TIME = 0;
    static final int USER = 1;
    static final int PATIENT = 2;
    static final int ACTION = 3;
    static final int SOURCE = 4;
    static final int WORKSTATION = 5;
    static final int DEPARTMENT = 6;
    static final int EVENT_ID = 7;

    static final Set<String> ACTIONS = Set.of("READ", "CREATE", "UPDATE", "DELETE", "PRINT", "EXPORT", "QUERY");

    /** An EMR's clock may run a little ahead of Baomi's; more than this is a wrong time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Separates the digested fields: a control character, which no valid field contains. */
    private static final char SEP = 1;

    private final Clock clock;

    EventValidator(Clock clock) {
        this.clock = clock;
    }

    /** The checker of one request: one digest instance and one "now" for all its events. */
    Batch batch(String defaultSource) {
        return new Batch(defaultSource, clock.instant().plus(CLOCK_SKEW));
    }

    final class Batch {

        private final String defaultSource;
        private final Instant latest;
        private final MessageDigest sha256;

        private Batch(String defaultSource, Instant latest) {
            this.defaultSource = defaultSource;
            this.latest = latest;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * @param names JSON names or FHIR paths of the fields, for the problems (same order as {@link #FIELDS})
         * @return the row, or null with the problems added
         */
        AccessEventRow check(RawItem item, String[] names, List<FieldProblem> problems) {
            String[] v = item.values();
            Instant at = Checks.time(v[TIME], names[TIME], latest, problems);
            String user = Checks.required(v[USER], names[USER], 64, problems);
            String patient = Checks.required(v[PATIENT], names[PATIENT], 64, problems);
            String action = Checks.required(v[ACTION], names[ACTION], 12, problems);
            if (action != null) {
                action = action.toUpperCase(Locale.ROOT);
                if (!ACTIONS.contains(action)) {
                    problems.add(new FieldProblem(names[ACTION], "monitor.ingest.action-unknown",
                            Checks.clipped(v[ACTION]), "READ, CREATE, UPDATE, DELETE, PRINT, EXPORT, QUERY"));
                    action = null;
                }
            }
            String source = Checks.optional(v[SOURCE], names[SOURCE], 40, problems);
            if (source != null && source.equalsIgnoreCase(AccessEventIngest.OWN_SOURCE)) {
                // Baomi's own accesses come from its audit trail only; a client may not write in their name
                problems.add(new FieldProblem(names[SOURCE], "monitor.ingest.source-reserved", source));
                source = null;
            }
            String workstation = Checks.required(v[WORKSTATION], names[WORKSTATION], 100, problems);
            String department = Checks.optional(v[DEPARTMENT], names[DEPARTMENT], 40, problems);
            String eventId = Checks.optional(v[EVENT_ID], names[EVENT_ID], 96, problems);
            if (!problems.isEmpty()) {
                return null;
            }
            String system = source != null ? source : defaultSource;
            String key = eventId != null ? "id:" + eventId
                    : digest(system, at, user, patient, action, workstation, department);
            return new AccessEventRow(item.index(), system, key, at, user, patient, action, workstation, department);
        }

        private String digest(String system, Instant at, String user, String patient, String action,
                String workstation, String department) {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
            String canonical = system + SEP + micros + SEP + user + SEP + patient + SEP + action + SEP + workstation
                    + SEP + (department == null ? "" : department);
            byte[] hash = sha256.digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        }
    }
}
