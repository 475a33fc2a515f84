package org.baomi.monitor;

import java.time.Instant;

/**
 * A search of the alert queue (issue 7 item 6): every filter optional; {@code from}/{@code to} bound the alert's last
 * access ({@code from} inclusive, {@code to} exclusive).
 *
 * @param person  the person's account id
 * @param patient the patient's id in Baomi
 * @param page    zero-based
 * @param size    1..{@link #MAX_SIZE}
 */
public record AlertQuery(Instant from, Instant to, Detector detector, Long person, Long patient,
        AlertQueryStatus status, AlertQuerySort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The open alerts, highest score first, first page. */
    public static AlertQuery openQueue() {
        return new AlertQuery(null, null, null, null, null, AlertQueryStatus.OPEN, AlertQuerySort.SCORE, 0,
                DEFAULT_SIZE);
    }

    public AlertQuery {
        sort = sort == null ? AlertQuerySort.SCORE : sort;
    }

    public AlertQuery withPage(int newPage) {
        return new AlertQuery(from, to, detector, person, patient, status, sort, newPage, size);
    }
}
