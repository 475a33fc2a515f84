package org.baomi.classification;

/**
 * One changed field of a catalogue version: its name ("defaultLevel", "nameZh") and the values before and after
 * as text (null where there was none, as for a new category).
 */
public record CatalogueChange(String field, String before, String after) {
}
