package org.baomi.shared;

/**
 * Something a person owes now (ORG-4): shown on the home page "my duties".
 *
 * @param key          stable identifier, e.g. "iam.password-change"
 * @param titleKey     message key of the short title
 * @param descriptionKey message key of the explanation
 * @param link         where to fulfil it (an application path)
 * @param urgent       shown first and highlighted
 */
public record Duty(String key, String titleKey, String descriptionKey, String link, boolean urgent) {
}
