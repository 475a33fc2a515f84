package org.baomi.audit;

/**
 * How many entries match, counted up to a cap: an exact count of 100 million rows would take seconds and make
 * every page slow, so counting stops at the cap and the page says "more than".
 *
 * @param value  the count, at most the cap
 * @param capped true when more than {@code value} entries match
 */
public record AuditCount(long value, boolean capped) {
}
