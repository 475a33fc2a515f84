package org.baomi.iam;

import java.io.Serializable;
import java.util.Locale;

/** A name kept in Simplified Chinese and English (departments, posts, roles); {@link #in} picks one. */
public record LocalizedName(String zh, String en) implements Serializable {

    /** The English name for an English locale, otherwise the Chinese one; falls back to the other. */
    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String preferred = english ? en : zh;
        return preferred == null || preferred.isBlank() ? (english ? zh : en) : preferred;
    }
}
