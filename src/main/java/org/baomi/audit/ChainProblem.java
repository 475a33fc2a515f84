package org.baomi.audit;

/**
 * One finding of a verification.
 *
 * @param sequence the chain sequence number where it was found
 * @param breakage its kind
 * @param detail   a short technical description (ids, never entry content)
 */
public record ChainProblem(long sequence, ChainBreakage breakage, String detail) {
}
