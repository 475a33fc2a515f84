package org.baomi.approval;

/**
 * An extra field of a kind's request form (besides subject, reason and duration), e.g. "number of copies" for a
 * copy (DOC-3) or "outside party" for carrying a document out (DOC-4).
 *
 * @param name      field name, lower-case letters and dashes
 * @param labelKey  message key of the label
 * @param required  whether it must be filled
 * @param maxLength longest value, 1..500
 */
public record FormField(String name, String labelKey, boolean required, int maxLength) {
}
