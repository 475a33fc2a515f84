package org.baomi.classification;

/** A section of the guide as the confidentiality office edits it. */
public record GuideDraft(String titleZh, String titleEn, String bodyZh, String bodyEn) {
}
