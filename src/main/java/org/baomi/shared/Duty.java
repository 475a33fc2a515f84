package org.baomi.shared;

import java.util.List;

/**
 * Something a person owes now (ORG-4): shown on the home page "my duties".
 *
 * @param key            stable identifier, e.g. "iam.password-change"
 * @param titleKey       message key of the short title
 * @param descriptionKey message key of the explanation; may use {0}, {1} for {@code args}
 * @param link           where to fulfil it (an application path)
 * @param urgent         shown first and highlighted
 * @param args           arguments of the description (counts, dates); never secret content
 */
public record Duty(String key, String titleKey, String descriptionKey, String link, boolean urgent, List<Object> args) {

    public Duty {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public Duty(String key, String titleKey, String descriptionKey, String link, boolean urgent) {
        this(key, titleKey, descriptionKey, link, urgent, List.of());
    }
}
